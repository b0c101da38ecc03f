using System.Text.Json.Serialization;

namespace Portal.V1;

/// <summary>POST /v1/images/create: names default to "public" and "domino".</summary>
public sealed record V1ImageCreateRequest(
    [property: JsonPropertyName("compute_environment_id")] string ComputeEnvironmentId,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);
