using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

/// <summary>
/// What a new export starts with, so that the first save works: the only choice where there is one, the image off
/// when no registry exists (it could not be saved), and a daily schedule rather than the original's every 15 minutes.
/// </summary>
public static class NewExportDefaults
{
    /// <summary>"Daily at 02:00", one of the schedule presets.</summary>
    public const string Schedule = "0 2 * * *";

    public static void Apply(ExportForm form, ExportFormOptions options)
    {
        if (form.Schedule == new ExportForm().Schedule) form.Schedule = Schedule;
        if (options.Registries.Count == 0) form.ExportImage = false;
        form.S3TargetId ??= Only(options.S3Targets);
        form.RegistryTargetId ??= Only(options.Registries);
    }

    private static int? Only(IReadOnlyList<Option> choices) => choices.Count == 1 ? choices[0].Id : null;
}
