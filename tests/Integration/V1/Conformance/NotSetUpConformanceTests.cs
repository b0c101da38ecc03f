using System.Net;
using Portal.Tests.Integration.Support;
using static Portal.Tests.Integration.V1.Conformance.V1Messages;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// The answers the original could not give: a v1 API no admin has set up (503 naming the setting) and Domino failing
/// (503 with the 199 text). They keep the path's shape and fit the published document.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class NotSetUpConformanceTests(PortalHost portal) : IClassFixture<PortalHost>
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
}
