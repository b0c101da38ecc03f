using System.ComponentModel.DataAnnotations;
using Portal.Client.Shared;

namespace Portal.Client.Exports;

// Names on the wire (numbers are still read): what the OpenAPI document shows and what callers type.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ExportKind>))]
public enum ExportKind
{
    Project,
    Environment,
}

/// <summary>What a person fills in to create or change an export.</summary>
public sealed class ExportForm
{
    public ExportKind Kind { get; set; } = ExportKind.Project;
    public int DominoDeploymentId { get; set; }
    [StringLength(255), SingleLine, NoClimbing] public string? DominoOwnerName { get; set; }
    [StringLength(255), SingleLine, NoClimbing] public string? DominoProjectName { get; set; }
    [StringLength(64), SingleLine, NoClimbing] public string? EnvironmentId { get; set; }
    [StringLength(128), SingleLine, NoClimbing] public string GroupName { get; set; } = "";
    [StringLength(128), SingleLine, NoClimbing] public string ProjectName { get; set; } = "";
    public bool ExportFiles { get; set; } = true;
    public bool ExportImage { get; set; } = true;
    public int? S3TargetId { get; set; }
    public int? RegistryTargetId { get; set; }
    public int? TemplateId { get; set; }
    [StringLength(100), SingleLine] public string Schedule { get; set; } = "*/15 * * * *";
    [StringLength(64), SingleLine] public string TimeZone { get; set; } = "UTC";
    public bool ForceRun { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>A snapshot to send while the person keeps typing.</summary>
    public ExportForm Copy() => (ExportForm)MemberwiseClone();
}

/// <summary>
/// The server's view of a form as it is being filled in: errors by field (the same checks a save makes,
/// conflicts included), warnings (e.g. a name that will be lower-cased) and the schedule's next runs.
/// </summary>
public sealed record ExportValidation(
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DateTimeOffset> NextRuns)
{
    public bool IsValid => Errors.Count == 0;

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var e) && e.Length > 0 ? string.Join(" ", e) : null;
}

public sealed record Option(int Id, string Name);

public sealed record SchedulePresetDto(string Name, string Cron);

/// <summary>What the form's pickers offer.</summary>
public sealed record ExportFormOptions(
    IReadOnlyList<Option> Deployments,
    IReadOnlyList<Option> S3Targets,
    IReadOnlyList<Option> Registries,
    IReadOnlyList<Option> Templates,
    IReadOnlyList<SchedulePresetDto> SchedulePresets,
    IReadOnlyList<string> TimeZones,
    IReadOnlyList<int> DeploymentsWithKey);

/// <summary>
/// A Domino project the user's key can see (to pick owner and project from). <see cref="CanExport"/> is null
/// when Domino's list does not say: such a project can be picked, and the form's check asks Domino about it.
/// </summary>
public sealed record DominoProjectOption(string OwnerName, string ProjectName, bool? CanExport);

/// <summary>The projects to pick from, or why Domino could not list them (then owner and project are typed).</summary>
public sealed record DominoProjectList(IReadOnlyList<DominoProjectOption> Projects, string? Error = null);

/// <summary>A row of the exports table.</summary>
public sealed record ExportSummary(
    int Id,
    string ExportKey,
    ExportKind Kind,
    string OwnerId,
    string OwnerEmail,
    string Source,
    string GroupName,
    string ProjectName,
    bool Enabled,
    bool Archived,
    string Schedule,
    string TimeZone,
    int? LastStatus,
    string? LastStatusName,
    long? LastRunId,
    DateTimeOffset? LastRunAt,
    double? LastDurationSeconds,
    DateTimeOffset? NextRunAt,
    bool Running);

/// <summary>An export with its settings, as its page shows them.</summary>
public sealed record ExportDetails(
    ExportSummary Summary,
    ExportForm Form,
    string DeploymentName,
    string? S3TargetName,
    string? RegistryName,
    string? TemplateName,
    string? FilesLocation,
    string? LastCommitId,
    string? LastEnvironment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The exports table's query: search, filters, sort and page (all done by the server).</summary>
public sealed record ExportQuery(
    [property: StringLength(200), SingleLine] string? Search = null,
    [property: StringLength(32), SingleLine] string? Outcome = null,
    [property: StringLength(450), SingleLine] string? OwnerId = null,
    ExportKind? Kind = null,
    bool IncludeArchived = false,
    [property: StringLength(64), SingleLine] string? SortBy = null,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);

/// <summary>The exports pages' view of the server.</summary>
public interface IExportsClient
{
    Task<Page<ExportSummary>> ListAsync(ExportQuery query, CancellationToken cancellationToken = default);
    Task<ExportDetails?> GetAsync(int id, CancellationToken cancellationToken = default);
    Task<ExportFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default);
    Task<DominoProjectList> DominoProjectsAsync(int deploymentId, CancellationToken cancellationToken = default);
    Task<ExportValidation> ValidateAsync(int? id, ExportForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> SaveAsync(int? id, ExportForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken = default);
    Task<SaveResult> ArchiveAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Queues a run now; the result's Id is the run's id (a long fits: runs are numbered from 1).</summary>
    Task<RunStarted> RunNowAsync(int id, CancellationToken cancellationToken = default);
}

/// <summary>"Run now": the queued run, or why none was queued (<see cref="NotFound"/>: the export is not the caller's to see).</summary>
public sealed record RunStarted(bool Succeeded, long? RunId, string Message, bool NotFound = false);
