namespace Portal.Domain.Runs;

/// <summary>One file of a run (ServiceX's file_status).</summary>
public sealed record FileRecord(
    string Path,
    long Size,
    string? Sha256,
    FileOutcome Outcome,
    int Attempts,
    string? Error = null);
