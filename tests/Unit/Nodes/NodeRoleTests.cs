using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Nodes;

namespace Portal.Tests.Unit.Nodes;

public sealed class NodeRoleTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-role-").FullName;

    [Theory]
    [InlineData(null, NodeRole.All)]
    [InlineData("", NodeRole.All)]
    [InlineData("all", NodeRole.All)]
    [InlineData(" Web ", NodeRole.Web)]
    [InlineData("WORKER", NodeRole.Worker)]
    public void Reads_the_role_in_any_case(string? value, NodeRole expected) => Assert.Equal(expected, NodeRoles.Parse(value));

    [Theory]
    [InlineData(NodeRole.All, true, true)]
    [InlineData(NodeRole.Web, true, false)]
    [InlineData(NodeRole.Worker, false, true)]
    public void Each_role_serves_the_web_processes_jobs_or_both(NodeRole role, bool web, bool jobs)
    {
        Assert.Equal(web, role.ServesWeb());
        Assert.Equal(jobs, role.ProcessesJobs());
    }

    [Theory]
    [InlineData("both")]
    [InlineData("workers")]
    [InlineData("web,worker")]
    public void A_wrong_role_stops_start_up_with_a_message_naming_the_key(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder($"--Portal:Role={value}").AddPortal());

        Assert.Equal($"Portal:Role must be all, web or worker, not '{value}'.", error.Message);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void Web_and_worker_nodes_need_a_database_the_nodes_share(string role)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder($"--Portal:Role={role}").AddPortal());

        Assert.Contains("needs a database the nodes share", error.Message);
        Assert.Contains("Database:Provider", error.Message);
    }

    [Fact]
    public void Only_nodes_that_process_jobs_run_a_Hangfire_server()
    {
        using var all = Builder().AddPortal().Build();
        using var web = Builder("--Portal:Role=web", "--Database:Provider=PostgreSql",
            "--ConnectionStrings:Portal=Host=db.invalid;Database=portal").AddPortal().Build();

        Assert.Contains(all.Services.GetServices<IHostedService>(), s => s is BackgroundJobServerHostedService);
        Assert.DoesNotContain(web.Services.GetServices<IHostedService>(), s => s is BackgroundJobServerHostedService);
        Assert.Equal(NodeRole.Web, web.Services.GetNodeRole());
    }

    private WebApplicationBuilder Builder(params string[] args) => WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = [$"--Portal:DataPath={folder}", $"--Portal:SecretsPath={Path.Combine(folder, "none")}", .. args],
    });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
