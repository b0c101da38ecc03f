using Portal.Connections;
using Portal.Data;
using Portal.Templates;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Exports;

/// <summary>A user's definition of what to copy where and when (the original's "job").</summary>
public sealed partial class Export
{
    public int Id { get; set; }

    /// <summary>The v1 API's export_id: 32 lower-case hex digits.</summary>
    public required string ExportKey { get; set; }

    public ExportKind Kind { get; set; }
    public required string OwnerId { get; set; }
    public ApplicationUser? Owner { get; set; }

    public int DominoDeploymentId { get; set; }
    public DominoDeployment? DominoDeployment { get; set; }

    /// <summary>Project exports: the Domino owner (lower case, as the original stored job_user) and project.</summary>
    public string? DominoOwnerName { get; set; }
    public string? DominoProjectName { get; set; }

    /// <summary>Environment exports: the environment id.</summary>
    public string? EnvironmentId { get; set; }

    public required string GroupName { get; set; }
    public required string ProjectName { get; set; }

    public bool ExportFiles { get; set; } = true;
    public bool ExportImage { get; set; } = true;

    public int? S3DestinationId { get; set; }
    public S3Destination? S3Destination { get; set; }
    public int? RegistryDestinationId { get; set; }
    public RegistryDestination? RegistryDestination { get; set; }
    public int? TemplateId { get; set; }
    public DockerfileTemplate? Template { get; set; }

    public required string Schedule { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public bool ForceRun { get; set; }

    /// <summary>When a Verify run reads the snapshot back on its own (cron in <see cref="TimeZone"/>); null: only on demand.</summary>
    public string? VerifySchedule { get; set; }

    /// <summary>
    /// The export's own Domino API key (set through the v1 API, as the original stored each job's key with
    /// the job), protected with <see cref="Security.SecretPurposes.DominoApiKey"/>; runs prefer it to the owner's key.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>SHA-256 of <see cref="ApiKey"/>: lets the v1 API find the exports a key created without decrypting them.</summary>
    public string? ApiKeyHash { get; set; }
    public bool Enabled { get; set; } = true;
    public bool Archived { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }

    // What the last successful run exported: the skip rules compare the next run with it.
    public string? FilesCommitId { get; set; }
    public string? FilesFingerprint { get; set; }
    public string? FilesLocation { get; set; }
    public string? ImageEnvironmentId { get; set; }
    public int? ImageRevision { get; set; }
    public string? ImageFingerprint { get; set; }

    /// <summary>The run holding the export; set and cleared atomically, so one export never runs twice at once.</summary>
    public long? ActiveRunId { get; set; }

    /// <summary>
    /// Raised by every claim: the holder's fencing token. Each change the holder makes to the export, and its end, is
    /// conditional on <see cref="ActiveRunId"/> and this still being its own (docs/decisions/010-run-fencing.md).
    /// </summary>
    public long ClaimGeneration { get; set; }

    // The last run, kept here so the dashboard never scans the runs table.
    public long? LastRunId { get; set; }
    public StatusCode? LastStatus { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public double? LastDurationSeconds { get; set; }
    public long? LastBytes { get; set; }
    public DateTimeOffset? NextRunAt { get; set; }
}
