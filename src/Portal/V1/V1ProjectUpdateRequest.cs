using System.Text.Json.Serialization;

namespace Portal.V1;

/// <summary>PUT /v1/projects/update/{export_id}: every field optional; null or empty names stay unchanged.</summary>
public sealed record V1ProjectUpdateRequest(
    [property: JsonPropertyName("update_api_key")] bool? UpdateApiKey,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("disabled")] bool? Disabled,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);
