namespace Portal.Contracts.Exports;

/// <summary>What the form's pickers offer.</summary>
public sealed record ExportFormOptions(
    IReadOnlyList<Option> Deployments,
    IReadOnlyList<Option> S3Targets,
    IReadOnlyList<Option> Registries,
    IReadOnlyList<TemplateOption> Templates,
    IReadOnlyList<SchedulePresetDto> SchedulePresets,
    IReadOnlyList<string> TimeZones,
    IReadOnlyList<int> DeploymentsWithKey);

public sealed record Option(int Id, string Name);

/// <summary>
/// A template the editor offers, with how its exports make their image: <see cref="Path"/> "Registry" (copied registry to
/// registry, no Docker engine) or "Engine" (built by a Docker engine), and <see cref="PathReason"/> why. Null when the
/// template's text is not valid (its exports fail with 117).
/// </summary>
public sealed record TemplateOption(int Id, string Name, bool IsStandard = false, string? Path = null, string? PathReason = null);

public sealed record SchedulePresetDto(string Name, string Cron);
