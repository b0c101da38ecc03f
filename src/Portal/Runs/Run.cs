using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Contracts.Runs;

namespace Portal.Runs;

public enum RunTrigger
{
    Schedule,
    Manual,
    Api,
}

/// <summary>What a run does: export (the export's parts), or Verify (read its latest snapshot back and compare it with the manifest).</summary>
public enum RunKind
{
    Export,
    Verify,
}

/// <summary>One execution of an export: both of its parts (files, image), their stages, files and images.</summary>
public sealed class Run
{
    public long Id { get; set; }
    public int ExportId { get; set; }
    public Export? Export { get; set; }

    /// <summary>1..n per export (the v1 job_run_id).</summary>
    public int Number { get; set; }

    public RunTrigger Trigger { get; set; }
    public RunKind Kind { get; set; }

    /// <summary>The failed run this one resumes: it completes that run's commit, moving only the files still missing (null: none).</summary>
    public long? ResumesRunId { get; set; }
    public string? TriggeredBy { get; set; }

    public StatusCode Status { get; set; } = StatusCode.Scheduled;
    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Refreshed while the run is alive; a stale one means the node running it died.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>The node (machine and process) running it.</summary>
    public string? Node { get; set; }

    /// <summary>The export's <see cref="Export.ClaimGeneration"/> this run's claim got: its fencing token (null until claimed).</summary>
    public long? ClaimGeneration { get; set; }

    /// <summary>The Hangfire job that runs it.</summary>
    public string? JobId { get; set; }

    public bool CancelRequested { get; set; }
    public string? CancelledBy { get; set; }

    // The files part (null: not part of this export).
    public StatusCode? FilesStatus { get; set; }
    public string? CommitId { get; set; }
    public string? FilesLocation { get; set; }
    public double? FilesSeconds { get; set; }
    public int FilesTotal { get; set; }
    public int FilesDone { get; set; }
    public int FilesFailed { get; set; }
    public long BytesTotal { get; set; }
    public long BytesDone { get; set; }

    // The image part.
    public StatusCode? ImageStatus { get; set; }
    public string? EnvironmentId { get; set; }
    public int? EnvironmentRevision { get; set; }
    public string? EnvironmentName { get; set; }
    public double? ImageSeconds { get; set; }
    public long ImageBytesTotal { get; set; }
    public long ImageBytesDone { get; set; }

    /// <summary>How the image was made: copied registry to registry, or built by a Docker engine (null until the run chose).</summary>
    public ImageExportPath? ImagePath { get; set; }

    public string? ExceptionType { get; set; }
    public string? ExceptionDetails { get; set; }

    public List<RunStage> Stages { get; set; } = [];
    public List<RunFile> Files { get; set; } = [];
    public List<RunImage> Images { get; set; } = [];
    public List<RunLayer> Layers { get; set; } = [];
}

/// <summary>A status code reached during a run, with its time.</summary>
public sealed class RunStage
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public StatusCode Code { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>One file of a run (ServiceX's file_status).</summary>
public sealed class RunFile
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string Path { get; set; }
    public long Size { get; set; }
    public string? Sha256 { get; set; }
    public FileOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
}

/// <summary>One pushed image tag of a run.</summary>
public sealed class RunImage
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string Reference { get; set; }
    public string? Digest { get; set; }
    public long? Size { get; set; }
}

/// <summary>One blob (layer or config) of a registry copy: what happened to it, recorded as it finishes.</summary>
public sealed class RunLayer
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string Digest { get; set; }
    public string? MediaType { get; set; }
    public long Size { get; set; }
    public LayerOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public double Seconds { get; set; }
    public string? Error { get; set; }
}
