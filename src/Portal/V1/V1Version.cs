using System.Text.Json.Serialization;

namespace Portal.V1;

public sealed record V1Version([property: JsonPropertyName("api_version")] string ApiVersion);
