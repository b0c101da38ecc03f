using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Api;

[Collection(PortalHostCollection.Name)]
public sealed partial class OpenApiTests(PortalHost portal) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task The_reference_at_docs_links_back_to_the_portal_and_leaves_out_the_client_button_agent_and_telemetry()
    {
        using var http = portal.Client();

        var page = await http.GetStringAsync("/docs/");

        Assert.Contains("""<a href="/" data-testid="back-to-portal">""", page, StringComparison.Ordinal);
        foreach (var off in new[] { "\"hideClientButton\":true", "\"telemetry\":false" })
            Assert.Contains(off, page.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_parses_and_lists_every_api_and_v1_endpoint_with_a_summary()
    {
        using var http = portal.Client();
        using var response = await http.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        var read = await OpenApiDocument.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(read.Document);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var documented = read.Document.Paths
            .SelectMany(p => p.Value.Operations!.Select(o => $"{o.Key.Method.ToUpperInvariant()} {p.Key}"))
            .ToHashSet();
        var mapped = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal)
                                                              || raw.StartsWith("/v1/", StringComparison.Ordinal) || raw is "/health" or "/version"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Template(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        Assert.True(mapped.Count > 50, $"only {mapped.Count} endpoints found");
        Assert.True(!mapped.Except(documented).Any(), "Not documented: " + string.Join(", ", mapped.Except(documented)));
        Assert.Contains("GET /health/live", documented);
        Assert.Contains("GET /health/ready", documented);
        foreach (var path in new[] { "/v1/projects/create", "/v1/projects/update/{export_id}", "/v1/projects/status", "/v1/projects/status/{id}",
                     "/v1/projects/status/{username}/{project}", "/v1/images/create", "/v1/images/update/{id}", "/v1/images/status",
                     "/v1/images/status/{id}", "/v1/images/archive/{id}" })
            Assert.Contains(read.Document.Paths.Keys, k => k == path);
        Assert.All(read.Document.Paths.Where(p => p.Key.StartsWith("/v1/", StringComparison.Ordinal) || p.Key.StartsWith("/api/exports", StringComparison.Ordinal)
                || p.Key.StartsWith("/api/runs", StringComparison.Ordinal) || p.Key.StartsWith("/api/profile/tokens", StringComparison.Ordinal))
                .SelectMany(p => p.Value.Operations!.Values),
            o => Assert.False(string.IsNullOrWhiteSpace(o.Summary)));
    }

    [Fact]
    public async Task The_v1_create_operation_documents_its_body_header_and_every_status_code()
    {
        using var http = portal.Client();
        using var json = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var create = json.RootElement.GetProperty("paths").GetProperty("/v1/projects/create").GetProperty("post");

        Assert.Equal(["201", "400", "401", "409", "422", "503"], create.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());
        Assert.Contains(create.GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "X-Domino-Api-Key" && p.GetProperty("in").GetString() == "header");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var bearer = json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_docs_page_and_its_script_are_served_by_the_portal_itself()
    {
        using var http = portal.Client();

        using var page = await http.GetAsync("/docs/");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await http.GetAsync("/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(html.Contains("openapi/v1.json", StringComparison.Ordinal), html);
        Assert.DoesNotMatch("(src|href)=\"https?://", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task Enums_are_named_schemas_of_strings_wherever_they_appear()
    {
        using var http = portal.Client();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var enums = new List<string>();
        Walk(document.RootElement, "#", enums);

        // Every enum is a component of its own (used by $ref), and its values are the names the JSON carries.
        Assert.All(enums, path => Assert.Matches(@"^#/components/schemas/[A-Za-z]+$", path));
        foreach (var (name, values) in new[]
                 {
                     ("ExportKind", new[] { "Project", "Environment" }), ("NotifyWhen", ["Failures", "FailuresAndRecovery", "EveryRun"]),
                     ("NotificationChannel", ["Email", "Webhook"]), ("DeliveryState", ["Pending", "Sent", "Failed"]),
                 })
        {
            var schema = schemas.GetProperty(name);
            Assert.Equal(values, schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        }
    }

    private static void Walk(JsonElement element, string path, List<string> enums)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("enum", out var values))
            {
                enums.Add(path);
                Assert.All(values.EnumerateArray(), v => Assert.True(v.ValueKind is JsonValueKind.String or JsonValueKind.Null, $"{path}: {v}"));
            }
            foreach (var property in element.EnumerateObject()) Walk(property.Value, $"{path}/{property.Name}", enums);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) Walk(item, $"{path}/{i++}", enums);
        }
    }

    private static string Template(string raw) => Constraint().Replace(raw, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{\*{0,2}(\w+)(:[^}]*)?\??\}")]
    private static partial Regex Constraint();
}
