using System.Text.Json.Serialization;

namespace Portal.V1;

// The original service's JSON, field for field (docs/v1-compatibility.md). The records double as the
// OpenAPI schemas of the v1 endpoints in the portal's own document; the request records document the bodies
// V1Body reads strictly.
/// <summary>
/// What create and update answer, on success and on failure alike. <c>hint</c> is the portal's addition: what to
/// do about a refusal the original never answered this way (it is left out everywhere else, so a script comparing
/// the original's answers sees the original's four fields).
/// </summary>
public sealed record V1ExportResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("export_id")] string? ExportId,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds,
    [property: JsonPropertyName("hint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint = null);
