using Portal.Domain.Runs;

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
public sealed record FileExportResult(
    StatusCode Status,
    string Message,
    string? CommitId,
    FileExportCounts Counts,
    TimeSpan Duration,
    TimeSpan RotationDuration,
    TimeSpan TransferDuration,
    string? LatestLocation,
    string? PriorLocation,
    string? ExceptionType,
    string? ExceptionDetails,
    FileExportState NewState,
    IReadOnlyList<FileRecord> FailedFiles)
{
    public bool Succeeded => Status is StatusCode.Completed or StatusCode.Skipped;
}
