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
    long ImageBytesDone)
{
    public bool IsRunning => Status is 210 or >= 300;
    public bool IsQueued => Status == 220;
    public bool IsError => Status is > 0 and <= 199;
    public double? DurationSeconds => StartedAt is { } s ? ((EndedAt ?? DateTimeOffset.UtcNow) - s).TotalSeconds : null;
}

public sealed record RunStageDto(int Code, string Name, DateTimeOffset At);

public sealed record RunFileDto(long Id, string Path, long Size, string? Sha256, string Outcome, int Attempts, string? Error);

public sealed record RunImageDto(string Reference, string? Digest, long? Size);

/// <summary>One blob of a registry copy: Present (the target had it), Mounted, Copied or Failed, with its tries and time.</summary>
public sealed record RunLayerDto(string Digest, string? MediaType, long Size, string Outcome, int Attempts, double Seconds, string? Error)
{
    /// <summary>Bytes per second of a copied blob; null when nothing moved or no time was measured.</summary>
    public double? BytesPerSecond => Outcome == "Copied" && Seconds > 0 ? Size / Seconds : null;
}

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
    IReadOnlyList<RunImageDto> Images,
    string? ImagePath,
    IReadOnlyList<RunLayerDto> Layers);

/// <summary>The run pages' view of the server.</summary>
public interface IRunsClient
{
    Task<RunDetails?> GetAsync(long id, CancellationToken cancellationToken = default);
    Task<Page<RunSummary>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default);
    Task<Page<RunFileDto>> FilesAsync(long runId, string? outcome, int skip, int take, CancellationToken cancellationToken = default);
    Task<SaveResult> CancelAsync(long runId, CancellationToken cancellationToken = default);
}
