using System.Text.Json.Serialization;

namespace Portal.V1;

// The original service's JSON, field for field: see V1ExportResponse.cs.
/// <summary>A project export's status record of one run (the original's key order; runtimes are floats, 0 when unset).</summary>
public sealed record V1ProjectStatus(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("export_id")] string ExportId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds,
    [property: JsonPropertyName("domino_username")] string? DominoUsername,
    [property: JsonPropertyName("domino_project_name")] string? DominoProjectName,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("project_export_runtime_seconds")] double ProjectExportRuntimeSeconds,
    [property: JsonPropertyName("project_export_location")] string? ProjectExportLocation,
    [property: JsonPropertyName("project_commit_id")] string? ProjectCommitId,
    [property: JsonPropertyName("project_export_status")] string? ProjectExportStatus,
    [property: JsonPropertyName("image_export_runtime_seconds")] double ImageExportRuntimeSeconds,
    [property: JsonPropertyName("image_export_location")] IReadOnlyList<string> ImageExportLocation,
    [property: JsonPropertyName("image_export_status")] string? ImageExportStatus,
    [property: JsonPropertyName("domino_image_environment_name")] string? DominoImageEnvironmentName);
