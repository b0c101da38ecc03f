using System.Text.Json.Serialization;

namespace Portal.V1;

/// <summary>An environment image export's status record of one run (the spec's fields; the location is the version tag).</summary>
public sealed record V1ImageStatus(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("export_id")] string ExportId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds,
    [property: JsonPropertyName("compute_environment_id")] string? ComputeEnvironmentId,
    [property: JsonPropertyName("compute_environment_revision_id")] int? ComputeEnvironmentRevisionId,
    [property: JsonPropertyName("domino_image_environment_name")] string? DominoImageEnvironmentName,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("image_export_location")] string? ImageExportLocation,
    [property: JsonPropertyName("image_export_runtime_seconds")] double ImageExportRuntimeSeconds);
