using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Exports;

/// <summary>
/// What a person fills in to create or change an export. Errors name its fields by property name
/// (<c>nameof(ExportForm.GroupName)</c>), on the server and in the editor alike.
/// </summary>
public sealed class ExportForm
{
    public ExportKind Kind { get; set; } = ExportKind.Project;
    public int DominoDeploymentId { get; set; }
    [StringLength(255, ErrorMessage = InputRules.TooLong), SingleLine, NoClimbing, Display(Name = "Project owner")] public string? DominoOwnerName { get; set; }
    [StringLength(255, ErrorMessage = InputRules.TooLong), SingleLine, NoClimbing, Display(Name = "Domino project")] public string? DominoProjectName { get; set; }
    [StringLength(64, ErrorMessage = InputRules.TooLong), SingleLine, NoClimbing, Display(Name = "Environment id")] public string? EnvironmentId { get; set; }
    [StringLength(128, ErrorMessage = InputRules.TooLong), SingleLine, NoClimbing, Display(Name = "Export group name")] public string GroupName { get; set; } = "";
    [StringLength(128, ErrorMessage = InputRules.TooLong), SingleLine, NoClimbing, Display(Name = "Export project name")] public string ProjectName { get; set; } = "";
    public bool ExportFiles { get; set; } = true;
    public bool ExportImage { get; set; } = true;
    public int? S3TargetId { get; set; }
    public int? RegistryTargetId { get; set; }
    public int? TemplateId { get; set; }
    [StringLength(100, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Cron expression")] public string Schedule { get; set; } = "*/15 * * * *";
    [StringLength(64, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Time zone")] public string TimeZone { get; set; } = "UTC";
    public bool ForceRun { get; set; }

    /// <summary>When a Verify run checks the snapshot on its own (cron, same time zone); empty: only on demand. Files exports only.</summary>
    [StringLength(100, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Verify schedule")] public string? VerifySchedule { get; set; }

    /// <summary>The files' bandwidth in bytes per second, at least <see cref="ByteRate.Minimum"/>; null: no limit of the export's own.</summary>
    [ByteRate] public long? BandwidthLimit { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>The files part's filter (docs/file-filters.md): only files matching one of these (none: every file).</summary>
    [FilePatterns, Display(Name = "Include patterns")] public IReadOnlyList<string> IncludePatterns { get; set; } = [];

    /// <summary>Files matching one of these are left out.</summary>
    [FilePatterns, Display(Name = "Exclude patterns")] public IReadOnlyList<string> ExcludePatterns { get; set; } = [];

    /// <summary>Files larger than this many bytes are left out (null: any size).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "The maximum file size must be a positive number of bytes.")]
    public long? MaxFileSize { get; set; }

    /// <summary>A project export copies files when asked; an environment export never does.</summary>
    [JsonIgnore]
    public bool CopiesFiles => Kind == ExportKind.Project && ExportFiles;

    /// <summary>An environment export always pushes its image; a project export when asked.</summary>
    [JsonIgnore]
    public bool PushesImage => Kind == ExportKind.Environment || ExportImage;

    /// <summary>A snapshot to send while the person keeps typing.</summary>
    public ExportForm Copy() => (ExportForm)MemberwiseClone();
}
