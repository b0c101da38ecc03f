namespace Portal.Contracts.Exports;

/// <summary>What the form's pickers offer.</summary>
public sealed record ExportFormOptions(
    IReadOnlyList<Option> Deployments,
    IReadOnlyList<Option> S3Targets,
    IReadOnlyList<Option> Registries,
    IReadOnlyList<Option> Templates,
    IReadOnlyList<SchedulePresetDto> SchedulePresets,
    IReadOnlyList<string> TimeZones,
    IReadOnlyList<int> DeploymentsWithKey);

public sealed record Option(int Id, string Name);

public sealed record SchedulePresetDto(string Name, string Cron);
