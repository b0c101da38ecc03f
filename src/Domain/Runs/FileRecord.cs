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

/// <summary>One file of a run (ServiceX's file_status).</summary>
public sealed record FileRecord(
    string Path,
    long Size,
    string? Sha256,
    FileOutcome Outcome,
    int Attempts,
    string? Error = null);

/// <summary>One pushed image tag of a run.</summary>
public sealed record ImageRecord(string Reference, string? Digest, long? Size);
