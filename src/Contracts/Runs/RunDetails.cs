namespace Portal.Contracts.Runs;

/// <summary>Everything the run page shows.</summary>
public sealed record RunDetails
{
    public required RunSummary Summary { get; init; }
    public required string ExportKey { get; init; }
    public required string ExportName { get; init; }
    public required string OwnerEmail { get; init; }
    public string? TriggeredBy { get; init; }
    public string? Node { get; init; }
    public int? FilesStatus { get; init; }
    public string? FilesStatusName { get; init; }
    public string? CommitId { get; init; }
    public string? FilesLocation { get; init; }
    public int? ImageStatus { get; init; }
    public string? ImageStatusName { get; init; }
    public string? EnvironmentId { get; init; }
    public int? EnvironmentRevision { get; init; }
    public string? EnvironmentName { get; init; }
    public string? ExceptionType { get; init; }
    public string? ExceptionDetails { get; init; }
    public bool CancelRequested { get; init; }
    public IReadOnlyList<RunStageDto> Stages { get; init; } = [];
    public IReadOnlyList<RunImageDto> Images { get; init; } = [];

    /// <summary>How the image was made: "Registry" (copied registry to registry, no Docker engine) or "Engine" (built); null until chosen.</summary>
    public string? ImagePath { get; init; }

    /// <summary>Each blob of a registry copy as it finished, live while the run goes.</summary>
    public IReadOnlyList<RunLayerDto> Layers { get; init; } = [];

    /// <summary>The failed run this one resumes (its id and number), if any.</summary>
    public long? ResumesRunId { get; init; }
    public int? ResumesRunNumber { get; init; }

    /// <summary>Its files failed and no export run came after it: "Resume" completes its commit, moving only what is missing.</summary>
    public bool CanResume { get; init; }
}

public sealed record RunStageDto(int Code, string Name, DateTimeOffset At);

public sealed record RunImageDto(string Reference, string? Digest, long? Size);
