using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Integration.Support;
using static Portal.Tests.Integration.V1.Conformance.V1Messages;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// The published document itself (the original's paths, corrected types), the check of answers against it, and the
/// answers that need no v1 settings: /version, and the 503 of a v1 API no admin has set up, in each path's shape.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class DocumentConformanceTests(PortalHost portal) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task A_v1_api_without_its_settings_answers_503_in_each_paths_shape()
    {
        var script = new V1Script(portal.V1Client("any-key"), await V1Document.LoadAsync(portal.Client()));

        var create = await script.PostAsync("/v1/projects/create",
            "{\"username\": \"a\", \"project_name\": \"p\", \"export_group_name\": \"g\", \"export_project_name\": \"n\"}");
        var status = await script.GetAsync("/v1/projects/status");
        var archive = await script.DeleteAsync("/v1/images/archive/0123456789abcdef0123456789abcdef");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable),
            (create.Status, status.Status, archive.Status));
        Assert.Equal(ExportFields, create.Fields);
        Assert.StartsWith("The v1 API is not set up: an admin must choose the Domino deployment", create.Message, StringComparison.Ordinal);
        Assert.Equal(ExportFields, status.Fields);
        Assert.Equal(["success", "message", "export_id"], archive.Fields);
    }

    [Theory]
    [InlineData("{\"overall_healthy\":true,\"api_version\":\"v1\",\"health_check_timestamp\":\"t\",\"domino_platform_connection_healthy\":true,\"domino_registry_connection_healthy\":true,\"s3_connection_healthy\":true,\"external_registry_connection_healthy\":true,\"last_successful_backup_job_timestamp\":null,\"last_successful_export_job_timestamp\":null}", true)]
    [InlineData("{\"overall_healthy\":null,\"api_version\":\"v1\",\"health_check_timestamp\":\"t\",\"domino_platform_connection_healthy\":true,\"domino_registry_connection_healthy\":true,\"s3_connection_healthy\":true,\"external_registry_connection_healthy\":true,\"last_successful_backup_job_timestamp\":null,\"last_successful_export_job_timestamp\":null}", false)]
    [InlineData("{\"overall_healthy\":true,\"api_version\":\"v1\",\"health_check_timestamp\":\"t\",\"domino_platform_connection_healthy\":true,\"domino_registry_connection_healthy\":true,\"s3_connection_healthy\":true,\"external_registry_connection_healthy\":true,\"last_successful_export_job_timestamp\":null}", false)]
    [InlineData("{\"overall_healthy\":true,\"api_version\":\"v1\",\"health_check_timestamp\":\"t\",\"domino_platform_connection_healthy\":true,\"domino_registry_connection_healthy\":true,\"s3_connection_healthy\":true,\"external_registry_connection_healthy\":true,\"last_successful_backup_job_timestamp\":null,\"last_successful_export_job_timestamp\":null,\"extra\":1}", false)]
    public async Task The_document_check_fails_an_answer_that_differs_from_the_published_schema(string health, bool fits)
    {
        var document = await V1Document.LoadAsync(portal.Client());
        using var json = System.Text.Json.JsonDocument.Parse(health);

        var failure = Record.Exception(() => document.AssertAnswer(HttpMethod.Get, "/health", HttpStatusCode.OK, json.RootElement));

        Assert.Equal(fits, failure is null);
        Assert.NotNull(Record.Exception(() => document.AssertAnswer(HttpMethod.Get, "/health", HttpStatusCode.NotFound, json.RootElement)));
    }

    [Fact]
    public async Task Version_answers_v1()
    {
        var answer = await new V1Script(portal.V1Client(null), await V1Document.LoadAsync(portal.Client())).GetAsync("/version");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"api_version\":\"v1\"}", answer.Json.GetRawText());
    }

    [Fact]
    public async Task The_published_document_keeps_the_originals_paths_and_corrects_its_types()
    {
        string[] original =
        [
            "/health", "/v1/projects/create", "/v1/projects/update/{export_id}", "/v1/projects/status", "/v1/projects/status/{export_id}",
            "/v1/projects/status/{username}", "/v1/projects/status/{username}/{project_name}", "/v1/images/create",
            "/v1/images/update/{export_id}", "/v1/images/update/{compute_environment_id}", "/v1/images/status",
            "/v1/images/status/{export_id}", "/v1/images/status/{compute_environment_id}", "/v1/images/archive/{export_id}",
            "/v1/images/archive/{compute_environment_id}",
        ];
        var document = await V1Document.LoadAsync(portal.Client());
        var schemas = document.Root["components"]!["schemas"]!;

        Assert.Equal("3.0.3", document.Root["openapi"]!.GetValue<string>());
        // The original's paths, plus /version, which it served but left out of its document.
        Assert.Equal(original.Append("/version").Order(StringComparer.Ordinal), document.Paths.Order(StringComparer.Ordinal));
        Assert.Equal(portal.BaseAddress.ToString().TrimEnd('/'), document.Root["servers"]![0]!["url"]!.GetValue<string>());
        foreach (var runtime in new[] { "project_export_runtime_seconds", "image_export_runtime_seconds" })
            Assert.Equal("number", schemas["ProjectStatus"]!["properties"]![runtime]!["type"]!.GetValue<string>());
        Assert.Equal("number", schemas["ImageStatus"]!["properties"]!["image_export_runtime_seconds"]!["type"]!.GetValue<string>());
        foreach (var nullable in new[] { "error_message", "project_export_location", "project_commit_id", "domino_image_environment_name" })
            Assert.True(schemas["ProjectStatus"]!["properties"]![nullable]!["nullable"]!.GetValue<bool>(), nullable);
        foreach (var write in new[] { "/v1/projects/create", "/v1/projects/update/{export_id}", "/v1/images/create" })
            Assert.NotNull(document.Root["paths"]![write]!.AsObject().Single().Value!["responses"]!["422"]);
        Assert.Equal("boolean", schemas["Health"]!["properties"]!["overall_healthy"]!["type"]!.GetValue<string>());
        Assert.Null(schemas["Health"]!["properties"]!["overall_healthy"]!["nullable"]);

        // A valid OpenAPI 3.0 document, but for one thing kept from the original: its paired paths (export id or user
        // name, export id or environment id) are one route each, which OpenAPI calls non-unique path signatures.
        var read = await Microsoft.OpenApi.OpenApiDocument.LoadAsync(new MemoryStream(
            System.Text.Encoding.UTF8.GetBytes(document.Root.ToJsonString())), "json");
        Assert.Equal(
            ["/v1/images/archive/{}", "/v1/images/status/{}", "/v1/images/update/{}", "/v1/projects/status/{}"],
            (read.Diagnostic?.Errors ?? []).Select(e => Regex.Match(e.Message, "'([^']+)' MUST be unique").Groups[1].Value).Order(StringComparer.Ordinal));
    }
}
