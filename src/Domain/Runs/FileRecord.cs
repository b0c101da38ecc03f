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

/// <summary>What happened to one blob of an image copy.</summary>
public enum LayerOutcome
{
    /// <summary>The target repository already held it: nothing moved.</summary>
    Present,
    /// <summary>Mounted from the source repository on the same registry: nothing moved.</summary>
    Mounted,
    /// <summary>Streamed from the source registry to the target.</summary>
    Copied,
    Failed,
}

/// <summary>One blob of an image copy (product word: layer record): its digest, size, media type and what happened, after how many tries.</summary>
public sealed record LayerRecord(
    string Digest,
    long Size,
    string MediaType,
    LayerOutcome Outcome,
    int Attempts,
    TimeSpan Duration,
    string? Error = null);
