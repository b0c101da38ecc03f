using Portal.Testbed.Browser;
using Portal.Testbed.Databases;
using Portal.Testbed.Processes;

namespace Portal.Tests.E2E.Accounts;

/// <summary>The same start-up, migrations and approval flow against a real PostgreSQL server.</summary>
public sealed class PostgreSqlApprovalFlowTests : IAsyncLifetime
{
    private PostgresServer postgres = default!;

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        postgres = await PostgresServer.StartAsync();
    }

    [Fact]
    public async Task Portal_migrates_an_empty_PostgreSQL_database_and_runs_the_approval_flow()
    {
        var connectionString = await postgres.CreateDatabaseAsync("portal");
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = connectionString,
            ["Portal:AdminEmail"] = ApprovalFlow.AdminEmail,
            [PortalProcess.Auto.Key] = PortalProcess.Auto.Value,
        });
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await ApprovalFlow.RunAsync(portal, chromium, new Screenshots("postgresql"));

        Assert.Contains("Applying migration", portal.Log);
        Assert.False(File.Exists(Path.Combine(portal.DataPath, "portal.db")), "No SQLite file when PostgreSQL is the provider.");
    }

    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
