using System.Net;
using Portal.Client.Exports;
using Portal.Client.Runs;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Tests.Integration.Support;
using Portal.Tests.Integration.V1;

namespace Portal.Tests.Integration.Api;

/// <summary>The WebAssembly pages' clients against the real /api: a failure reaches the page with the server's reason, never as an empty list.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class HttpClientErrorsTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    [Fact]
    public async Task The_files_of_a_run_the_caller_may_not_see_fail_with_404_instead_of_an_empty_table()
    {
        portal.AliceProject("private-files");
        var created = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "alice", project_name = "private-files", export_group_name = "private", export_project_name = "files" }));
        var run = await portal.AddRunAsync(created.Json.Text("export_id")!, StatusCode.Completed);
        var bob = new HttpRunsClient(portal.Client(await portal.TokenAsync(portal.Bob)));
        var alice = new HttpRunsClient(portal.Client(await portal.TokenAsync(portal.Alice)));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => bob.FilesAsync(run.Id, null, 0, 100));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, (await alice.FilesAsync(run.Id, null, 0, 100)).Total);
    }

    [Fact]
    public async Task Run_now_on_an_archived_export_says_why_from_the_servers_answer()
    {
        portal.AliceProject("archived-run");
        var created = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "alice", project_name = "archived-run", export_group_name = "archived", export_project_name = "run" }));
        var export = (await portal.ExportAsync(created.Json.Text("export_id")!))!;
        var alice = new HttpExportsClient(portal.Client(await portal.TokenAsync(portal.Alice)));
        Assert.True((await alice.ArchiveAsync(export.Id)).Succeeded);

        var started = await alice.RunNowAsync(export.Id);
        var missing = await alice.RunNowAsync(999_999);

        Assert.Equal((false, "An archived export cannot run."), (started.Succeeded, started.Message));
        Assert.True(missing.NotFound);
    }
}

[Collection(PortalHostCollection.Name)]
public sealed class HttpClientRefusalTests(RateLimitedPortal portal) : IClassFixture<RateLimitedPortal>
{
    [Fact]
    public async Task A_refused_call_reaches_the_page_with_the_servers_reason()
    {
        var exports = new HttpExportsClient(portal.Client("dxp_guess"));

        HttpRequestException? refused = null;
        for (var i = 0; i < 5 && refused?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            refused = await Assert.ThrowsAsync<HttpRequestException>(() => exports.ListAsync(new ExportQuery()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused!.StatusCode);
        Assert.StartsWith("Too many failed token attempts from this address", refused.Message, StringComparison.Ordinal);
    }
}
