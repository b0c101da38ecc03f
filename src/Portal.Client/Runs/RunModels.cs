using Portal.Client.Shared;

namespace Portal.Client.Runs;

/// <summary>A run as lists show it: status, counts and times.</summary>
public sealed record RunSummary(
    long Id,
    int ExportId,
    int Number,
    string Trigger,
    int Status,
    string StatusName,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int FilesTotal,
    int FilesDone,
    int FilesFailed,
    long BytesTotal,
    long BytesDone,
    long ImageBytesTotal,
    long ImageBytesDone,
    string Kind = "Export")
{
    public bool IsRunning => Status is 210 or >= 300;
    public bool IsQueued => Status == 220;
    public bool IsError => Status is > 0 and <= 199;
    public double? DurationSeconds => StartedAt is { } s ? ((EndedAt ?? DateTimeOffset.UtcNow) - s).TotalSeconds : null;
}

public sealed record RunStageDto(int Code, string Name, DateTimeOffset At);

public sealed record RunFileDto(long Id, string Path, long Size, string? Sha256, string Outcome, int Attempts, string? Error);

public sealed record RunImageDto(string Reference, string? Digest, long? Size);

/// <summary>Everything the run page shows.</summary>
public sealed record RunDetails(
    RunSummary Summary,
    string ExportKey,
    string ExportName,
    string OwnerEmail,
    string? TriggeredBy,
    string? Node,
    int? FilesStatus,
    string? FilesStatusName,
    string? CommitId,
    string? FilesLocation,
    int? ImageStatus,
    string? ImageStatusName,
    string? EnvironmentId,
    int? EnvironmentRevision,
    string? EnvironmentName,
    string? ExceptionType,
    string? ExceptionDetails,
    bool CancelRequested,
    IReadOnlyList<RunStageDto> Stages,
    IReadOnlyList<RunImageDto> Images);

/// <summary>The run pages' view of the server.</summary>
public interface IRunsClient
{
    Task<RunDetails?> GetAsync(long id, CancellationToken cancellationToken = default);
    Task<Page<RunSummary>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default);
    Task<Page<RunFileDto>> FilesAsync(long runId, string? outcome, int skip, int take, CancellationToken cancellationToken = default);
    Task<SaveResult> CancelAsync(long runId, CancellationToken cancellationToken = default);
}
