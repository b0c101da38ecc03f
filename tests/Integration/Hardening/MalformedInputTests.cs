using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>
/// The proof of issue 13: every operation of <c>/openapi/v1.json</c>, as every identity, gets malformed bodies
/// (invalid JSON, wrong types, oversized strings, NUL and control characters, a 10 MB body, a form post) and
/// malformed path and query values. Nothing answers 5xx, every <c>/api</c> 4xx is ProblemDetails with a
/// message, every <c>/v1</c> answer is the original's JSON, and the database is unchanged.
/// </summary>
public abstract partial class MalformedInputTests(FuzzPortal portal)
{
    private const int Oversized = 100_000;
    private const string Control = "a\u0000b\u202Ec\u0007d\u001B";

    /// <summary>Kestrel itself refuses a NUL in the path (400 before any middleware runs); the other control characters reach the portal.</summary>
    private const string PathControl = "a\u202Eb\u0007c\u001Bd";
    private static readonly string TenMegabytes = "{\"x\":\"" + new string('a', 10 * 1024 * 1024) + "\"}";

    [Fact]
    public async Task Every_api_operation_refuses_malformed_input_from_every_identity_with_problem_details_and_changes_nothing()
    {
        var operations = await OperationsAsync("/api/");
        Assert.True(operations.Count > 40, $"only {operations.Count} /api operations");
        var before = await portal.SnapshotAsync();
        var failures = new List<string>();

        foreach (var (identity, http) in portal.Identities)
            foreach (var operation in operations)
                foreach (var (name, request) in Requests(operation))
                {
                    using var response = await SendAsync(http, request);
                    if (response is null) continue;
                    var problem = await ProblemAsync(response);
                    var status = (int)response.StatusCode;
                    if (status >= 500 || (status >= 400 && problem is null)
                        || (status < 400 && name != "no body" && operation.HasBody))
                        failures.Add($"{identity} {operation.Method} {operation.Path} [{name}]: {status} {problem ?? Short(await Body(response))}");
                }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(before, await portal.SnapshotAsync());
    }

    [Fact]
    public async Task Every_v1_path_refuses_malformed_input_in_its_own_format_and_changes_nothing()
    {
        var operations = await OperationsAsync("/v1/");
        Assert.True(operations.Count >= 10, $"only {operations.Count} /v1 operations");
        var before = await portal.SnapshotAsync();
        var failures = new List<string>();
        var keys = new Dictionary<string, string?> { ["no key"] = null, ["unknown key"] = "not-a-domino-key", ["valid key"] = portal.DominoUser.ApiKey };

        foreach (var (identity, key) in keys)
        {
            using var http = portal.V1Client(key);
            foreach (var operation in operations)
                foreach (var (name, request) in Requests(operation))
                {
                    using var response = await SendAsync(http, request);
                    if (response is null) continue;
                    var status = (int)response.StatusCode;
                    var body = await Body(response);
                    var json = TryParse(body);
                    var explained = json is JsonArray || json is JsonObject o && (o["message"]?.GetValue<string>() is { Length: > 0 } || o["detail"] is not null);
                    if (status >= 500 || (status >= 400 && !explained) || (status < 400 && operation.HasBody && name != "no body"))
                        failures.Add($"{identity} {operation.Method} {operation.Path} [{name}]: {status} {Short(body)}");
                }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(before, await portal.SnapshotAsync());
    }

    [Theory]
    [InlineData("username", "../..")]
    [InlineData("project_name", "a\u0000b")]
    [InlineData("export_group_name", "\u202Egroup")]
    [InlineData("export_project_name", "long")]
    public async Task A_v1_create_with_a_climbing_nul_rtl_or_overlong_value_is_the_originals_400_and_stores_nothing(string field, string value)
    {
        var body = new Dictionary<string, string>
        {
            ["username"] = "fuzzer", ["project_name"] = "fuzzed", ["export_group_name"] = "g2", ["export_project_name"] = "p2",
        };
        body[field] = value == "long" ? new string('p', 129) : value;
        var before = await portal.SnapshotAsync();
        using var http = portal.V1Client(portal.DominoUser.ApiKey);

        using var response = await http.PostAsync("/v1/projects/create", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Portal.V1.V1Body.Invalid, json["message"]!.GetValue<string>());
        Assert.Contains(field, json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.SnapshotAsync());
    }

    private sealed record Operation(string Method, string Path, JsonObject Node, JsonObject? BodySchema, JsonObject Components)
    {
        public bool HasBody => BodySchema is not null;
    }

    private async Task<List<Operation>> OperationsAsync(string prefix)
    {
        using var http = portal.Client();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var components = document["components"]?["schemas"]?.AsObject() ?? [];
        var list = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            foreach (var (method, node) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description") continue;
                var schema = node!["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject();
                list.Add(new Operation(method.ToUpperInvariant(), path, node.AsObject(), schema, components));
            }
        }
        return list;
    }

    /// <summary>The malformed requests for one operation: path values that exist (so a body is really read) and ones that do not.</summary>
    private IEnumerable<(string Name, HttpRequestMessage Request)> Requests(Operation operation)
    {
        var path = PathFor(operation, existing: true);
        var properties = Properties(operation);
        yield return ("invalid JSON", Json(operation, path, "{\"name\": \"unterminated"));
        yield return ("array root", Json(operation, path, "[1, 2, 3]"));
        yield return ("wrong types", Json(operation, path, Object(properties, p => WrongType(p.Schema))));
        yield return ("oversized strings", Json(operation, path, Object(properties, p => IsString(p.Schema) ? new string('x', Oversized) : Valid(p.Schema))));
        yield return ("control characters", Json(operation, path, Object(properties, p => IsString(p.Schema) ? Control : Valid(p.Schema))));
        yield return ("10 MB", Json(operation, path, TenMegabytes));
        yield return ("form post", new HttpRequestMessage(new HttpMethod(operation.Method), path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["enabled"] = "false" }),
        });
        if (!operation.HasBody) yield return ("no body", new HttpRequestMessage(new HttpMethod(operation.Method), PathFor(operation, existing: false)));
        var malformedPath = PathFor(operation, existing: false, value: Uri.EscapeDataString(PathControl));
        if (malformedPath != PathFor(operation, existing: false))
            yield return ("control characters in path", Json(operation, malformedPath, "{}"));
        var query = Query(operation);
        if (query.Length > 0) yield return ("malformed query", new HttpRequestMessage(new HttpMethod(operation.Method), path + "?" + query));
    }

    private static HttpRequestMessage Json(Operation operation, string path, string body) =>
        new(new HttpMethod(operation.Method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Existing ids where the operation takes a body (so validation, not a 404, must refuse it); unknown ids otherwise.</summary>
    private string PathFor(Operation operation, bool existing, string? value = null) => Parameter().Replace(operation.Path, match =>
    {
        var name = match.Groups[1].Value;
        var writes = existing && operation.HasBody;
        return name switch
        {
            _ when value is not null && !IsIntegerParameter(operation, name) => value,
            "kind" => "s3",
            "action" => "approve",
            "deploymentId" => writes ? portal.Setup.DeploymentId.ToString() : "999999",
            "export_id" or "username" or "project" when operation.Path.StartsWith("/v1/", StringComparison.Ordinal) => writes ? portal.ExportKey : "nobody",
            "id" when operation.Path.StartsWith("/v1/", StringComparison.Ordinal) => writes ? portal.ExportKey : "nobody",
            _ when IsIntegerParameter(operation, name) => writes ? IdFor(operation.Path) : "999999",
            _ => "nobody",
        };
    });

    private string IdFor(string path) =>
        path.Contains("/s3/", StringComparison.Ordinal) ? portal.Setup.S3TargetId.ToString()
        : path.Contains("/registries/", StringComparison.Ordinal) ? portal.Setup.RegistryId.ToString()
        : path.Contains("/domino/", StringComparison.Ordinal) ? portal.Setup.DeploymentId.ToString()
        : path.Contains("/exports/", StringComparison.Ordinal) ? portal.ExportId.ToString()
        : "1";

    private static bool IsIntegerParameter(Operation operation, string name) =>
        operation.Node["parameters"]?.AsArray().FirstOrDefault(p => p?["name"]?.GetValue<string>() == name)?["schema"] is { } schema
        && Type(schema.AsObject()) is "integer" or "number";

    private static string Query(Operation operation) => string.Join("&", (operation.Node["parameters"]?.AsArray() ?? [])
        .Where(p => p?["in"]?.GetValue<string>() == "query")
        .Select(p => $"{p!["name"]!.GetValue<string>()}={Uri.EscapeDataString(Type(p["schema"]?.AsObject()) == "string" ? Control + new string('q', 400) : "-1x")}"));

    private static List<(string Name, JsonObject Schema)> Properties(Operation operation)
    {
        var schema = Resolve(operation.BodySchema, operation.Components);
        return (schema?["properties"]?.AsObject() ?? []).Select(p => (p.Key, Resolve(p.Value?.AsObject(), operation.Components) ?? [])).ToList();
    }

    private static JsonObject? Resolve(JsonObject? schema, JsonObject components) =>
        schema?["$ref"]?.GetValue<string>() is { } reference ? components[reference.Split('/')[^1]]?.AsObject() : schema;

    private static string? Type(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => schema?["enum"] is not null ? "string" : null,
    };

    private static bool IsString(JsonObject schema) => Type(schema) is "string" or null;

    private static JsonNode? WrongType(JsonObject schema) => Type(schema) switch
    {
        "string" => JsonValue.Create(12345),
        "integer" or "number" => JsonValue.Create("not a number"),
        "boolean" => JsonValue.Create("yes"),
        "array" => new JsonObject(),
        _ => JsonValue.Create(true),
    };

    private static JsonNode? Valid(JsonObject schema) => Type(schema) switch
    {
        "integer" or "number" => JsonValue.Create(1),
        "boolean" => JsonValue.Create(true),
        "array" => new JsonArray(),
        "object" => new JsonObject(),
        _ => JsonValue.Create("x"),
    };

    private static string Object(List<(string Name, JsonObject Schema)> properties, Func<(string Name, JsonObject Schema), JsonNode?> value)
    {
        var body = new JsonObject();
        foreach (var property in properties) body[property.Name] = value(property);
        return body.ToJsonString();
    }

    /// <summary>Sends; null when the server closed the connection while a body it refused was still arriving (the 10 MB case).</summary>
    private static async Task<HttpResponseMessage?> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request);
            }
            catch (HttpRequestException) when (request.Content?.Headers.ContentLength > 1024 * 1024)
            {
                return null;
            }
        }
    }

    private static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        // ProblemDetails: application/problem+json, or application/json where an endpoint returns a typed problem (404s).
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json")) return null;
        if (TryParse(await Body(response)) is not JsonObject json || json["status"] is null) return null;
        var message = json["detail"]?.GetValue<string>() ?? json["title"]?.GetValue<string>();
        return string.IsNullOrWhiteSpace(message) ? null : message;
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static async Task<string> Body(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static JsonNode? TryParse(string text)
    {
        try { return JsonNode.Parse(text); } catch (JsonException) { return null; }
    }

    [GeneratedRegex(@"\{([^}:]+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();
}

[Collection(PortalHostCollection.Name)]
public sealed class SqliteMalformedInputTests(SqliteFuzzPortal portal) : MalformedInputTests(portal), IClassFixture<SqliteFuzzPortal>;

[Collection(PortalHostCollection.Name)]
public sealed class PostgresMalformedInputTests(PostgresFuzzPortal portal) : MalformedInputTests(portal), IClassFixture<PostgresFuzzPortal>;
