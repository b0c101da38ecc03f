using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Files;

public sealed record FileExportCounts(
    int FilesTotal = 0,
    int FilesTransferred = 0,
    int FilesUnchanged = 0,
    int FilesDeleted = 0,
    int FilesFailed = 0,
    long BytesTotal = 0,
    long BytesTransferred = 0,
    int FilesExcluded = 0);

/// <summary>
/// How a run ended. Expected failures are results, not exceptions: <see cref="Status"/> carries the code
/// and <see cref="Message"/> a sentence a person understands. <see cref="NewState"/> is what to store for
/// the next run, whatever the outcome.
/// </summary>
public sealed record FileExportResult
{
    public required StatusCode Status { get; init; }
    public required string Message { get; init; }
    public string? CommitId { get; init; }
    public required FileExportCounts Counts { get; init; }
    public TimeSpan Duration { get; init; }
    public TimeSpan RotationDuration { get; init; }
    public TimeSpan TransferDuration { get; init; }
    public string? LatestLocation { get; init; }
    public string? PriorLocation { get; init; }
    public string? ExceptionType { get; init; }
    public string? ExceptionDetails { get; init; }
    public required FileExportState NewState { get; init; }
    public IReadOnlyList<FileRecord> FailedFiles { get; init; } = [];

    public bool Succeeded => Status is StatusCode.Completed or StatusCode.Skipped;
}
