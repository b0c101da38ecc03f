using System.Text.Json.Serialization;

namespace Portal.V1;

// The original service's JSON, field for field: see V1ExportResponse.cs.
/// <summary>POST /v1/projects/create. <c>export_frequency_seconds</c> is this portal's addition (default 900).</summary>
public sealed record V1ProjectCreateRequest(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("project_name")] string ProjectName,
    [property: JsonPropertyName("export_group_name")] string ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string ExportProjectName,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);
