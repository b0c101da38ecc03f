using System.Net;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Nodes;

[Collection(PostgresCollection.Name)]
public sealed class WorkerNodeTests(PostgresFixture postgres) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-worker-").FullName;

    [Fact]
    public async Task A_worker_answers_its_health_checks_runs_a_Hangfire_server_and_serves_no_pages_api_or_dashboard()
    {
        var connectionString = await postgres.DatabaseAsync("worker");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args =
            [
                "--Portal:Role=worker", "--Portal:NodeName=unit-worker", "--Database:Provider=PostgreSql",
                $"--ConnectionStrings:Portal={connectionString}", $"--Portal:DataPath={folder}",
                $"--Portal:SecretsPath={Path.Combine(folder, "none")}", "--Hangfire:WorkerCount=1",
            ],
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.AddPortal();
        await using var app = builder.Build();
        await app.PreparePortalAsync();
        app.MapPortal();
        await app.StartAsync();
        using var http = app.GetTestClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        foreach (var path in new[] { "/", "/Account/Login", "/Account/Register", "/api/exports", "/api/account/me", "/hangfire", "/v1/exports",
                     "/_framework/blazor.web.js", "/openapi/v1.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);

        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Poll.UntilAsync(() => monitoring.Servers().Any(s => s.Name.StartsWith("unit-worker", StringComparison.OrdinalIgnoreCase)),
            "the worker's Hangfire server to register");
        await app.StopAsync();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
