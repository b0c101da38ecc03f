namespace Portal.Domain.StatusLogs;

/// <summary>
/// The v1 status record of a run (docs/v1-compatibility.md, "Status records"), as the API and sync-status.log show it.
/// <see cref="PythonJson"/> writes the keys in this order, with the original's defaults.
/// </summary>
public sealed record StatusRecord(
    DateTime Timestamp,
    string ExportId,
    string Status,
    int ErrorCode = 0,
    string? ErrorMessage = null,
    int? ExportFrequencySeconds = null,
    string? DominoUsername = null,
    string? DominoProjectName = null,
    string? ExportGroupName = null,
    string? ExportProjectName = null,
    double? ProjectExportRuntimeSeconds = null,
    string? ProjectExportLocation = null,
    string? ProjectCommitId = null,
    string? ProjectExportStatus = null,
    double? ImageExportRuntimeSeconds = null,
    IReadOnlyList<string>? ImageExportLocation = null,
    string? ImageExportStatus = null,
    string? DominoImageEnvironmentName = null)
{
    public const string Skipped = "skipped";

    internal IEnumerable<(string Key, object? Value)> Fields()
    {
        yield return ("timestamp", Timestamp);
        yield return ("export_id", ExportId);
        yield return ("status", Status);
        yield return ("error_code", ErrorCode);
        yield return ("error_message", ErrorMessage);
        yield return ("export_frequency_seconds", ExportFrequencySeconds);
        yield return ("domino_username", DominoUsername);
        yield return ("domino_project_name", DominoProjectName);
        yield return ("export_group_name", ExportGroupName);
        yield return ("export_project_name", ExportProjectName);
        // The original's defaults are the integer 0 and an empty list, filled values are floats.
        yield return ("project_export_runtime_seconds", (object?)ProjectExportRuntimeSeconds ?? 0);
        yield return ("project_export_location", ProjectExportLocation);
        yield return ("project_commit_id", ProjectCommitId);
        yield return ("project_export_status", ProjectExportStatus);
        yield return ("image_export_runtime_seconds", (object?)ImageExportRuntimeSeconds ?? 0);
        yield return ("image_export_location", ImageExportLocation ?? []);
        yield return ("image_export_status", ImageExportStatus);
        yield return ("domino_image_environment_name", DominoImageEnvironmentName);
    }
}
