using System.Text.Json.Serialization;

namespace Portal.V1;

/// <summary>What archive answers (<c>hint</c> as in <see cref="V1ExportResponse"/>).</summary>
public sealed record V1ArchiveResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("export_id")] string? ExportId,
    [property: JsonPropertyName("hint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint = null);
