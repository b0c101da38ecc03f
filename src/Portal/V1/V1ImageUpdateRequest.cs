using System.Text.Json.Serialization;

namespace Portal.V1;

/// <summary>PUT /v1/images/update/{id}: <c>update_api_key</c> is required (the spec's rule).</summary>
public sealed record V1ImageUpdateRequest(
    [property: JsonPropertyName("update_api_key")] bool UpdateApiKey,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("disabled")] bool? Disabled,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);
