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
}
