namespace Portal.Domain.Runs;

public enum FileOutcome
{
    /// <summary>Downloaded from Domino and uploaded.</summary>
    Transferred,
    /// <summary>Unchanged since the last snapshot: kept or copied server-side, nothing downloaded.</summary>
    Unchanged,
    /// <summary>No longer in the project: removed from the snapshot.</summary>
    Deleted,
    Failed,
    /// <summary>Left out by the export's filters; the record's error names the rule.</summary>
    Excluded,
    /// <summary>Verify: read back, same size and SHA-256 as the manifest.</summary>
    Verified,
    /// <summary>Verify: in the manifest, not in S3.</summary>
    Missing,
    /// <summary>Verify: in S3 with another size or SHA-256 than the manifest.</summary>
    Changed,
    /// <summary>Verify: in S3, not in the manifest.</summary>
    Extra,
}
