using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// The OpenAPI document the portal publishes at <c>/v1/openapi.json</c>, used as the contract every v1 answer is
/// checked against. It is OpenAPI 3.0 (<c>nullable</c>); each response schema is turned into JSON Schema 2020-12
/// (<c>nullable</c> becomes a <c>"null"</c> type, component references become <c>$defs</c>) and evaluated by
/// JsonSchema.Net.
/// </summary>
internal sealed class V1Document
{
    private readonly JsonObject _document;
    private readonly Dictionary<string, JsonSchema> _schemas = [];

    private V1Document(JsonObject document) => _document = document;

    public IReadOnlyList<string> Paths => _document["paths"]!.AsObject().Select(p => p.Key).ToList();

    public JsonObject Root => _document;

    public static async Task<V1Document> LoadAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/v1/openapi.json");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/v1/openapi.json answered {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new V1Document(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>Fails unless the document lists this status for the operation and the answer fits its schema.</summary>
    public void AssertAnswer(HttpMethod method, string path, HttpStatusCode status, JsonElement answer)
    {
        var (template, operation) = Operation(method, path);
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = operation["responses"]?[code];
        Assert.True(response is not null, $"{method} {template} does not document {code}");
        var key = $"{method} {template} {code}";
        if (!_schemas.TryGetValue(key, out var schema))
            _schemas[key] = schema = Build(response!["content"]!["application/json"]!["schema"]!);
        var result = schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.Fail($"{key}: the answer does not fit the published schema:\n{string.Join("\n", errors)}\n{answer.GetRawText()}");
    }

    private (string Template, JsonNode Operation) Operation(HttpMethod method, string path)
    {
        var pathOnly = path.Split('?')[0];
        foreach (var (template, item) in _document["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(pathOnly, pattern) && item![method.Method.ToLowerInvariant()] is { } operation)
                return (template, operation);
        }
        Assert.Fail($"The published document has no operation for {method} {pathOnly}");
        throw new InvalidOperationException();
    }

    private JsonSchema Build(JsonNode responseSchema)
    {
        var schema = ToJsonSchema(responseSchema)!.AsObject();
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = ToJsonSchema(_document["components"]!["schemas"]!);
        return JsonSchema.FromText(schema.ToJsonString());
    }

    /// <summary>OpenAPI 3.0's schema dialect to JSON Schema 2020-12, for the keywords the document uses.</summary>
    private static JsonNode? ToJsonSchema(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
            {
                var copy = new JsonObject();
                foreach (var (name, value) in o)
                {
                    if (name == "nullable") continue;
                    if (name == "$ref") copy[name] = value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                    else copy[name] = ToJsonSchema(value);
                }
                if (o["nullable"]?.GetValue<bool>() == true && o["type"] is JsonValue type)
                    copy["type"] = new JsonArray(type.GetValue<string>(), "null");
                return copy;
            }
            case JsonArray a:
                return new JsonArray(a.Select(ToJsonSchema).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
