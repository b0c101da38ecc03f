using Hangfire;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Portal.Jobs;

namespace Portal.Tests.Unit.Jobs;

/// <summary>SQL Server cannot run here: what can be checked without one is that Hangfire is built on the portal's own connection string.</summary>
public sealed class JobStorageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-jobs-").FullName;

    [Fact]
    public void With_SQL_Server_Hangfire_is_built_on_the_portal_connection_string_without_connecting()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args =
            [
                "--Database:Provider=SqlServer", "--Portal:Role=worker", $"--Portal:DataPath={folder}",
                $"--Portal:SecretsPath={Path.Combine(folder, "none")}",
                "--ConnectionStrings:Portal=Server=sql.invalid,1433;Database=PortalJobs;User Id=portal;Password=secret;TrustServerCertificate=True;Connect Timeout=1",
            ],
        });
        builder.AddPortal();
        using var app = builder.Build();

        var storage = Assert.IsType<SqlServerStorage>(app.Services.GetRequiredService<JobStorage>());

        Assert.Equal("SQL Server: sql.invalid,1433@PortalJobs", storage.ToString());
    }

    [Fact]
    public void Both_server_storages_keep_a_live_nodes_jobs_and_hand_a_dead_nodes_on_after_the_invisibility_timeout()
    {
        var jobs = new JobsOptions { InvisibilityTimeout = TimeSpan.FromMinutes(7) };

        Assert.Equal(TimeSpan.FromMinutes(7), JobStorageOptions.SqlServer(jobs).SlidingInvisibilityTimeout);
        var postgres = JobStorageOptions.PostgreSql(jobs);
        Assert.True(postgres.UseSlidingInvisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(7), postgres.InvisibilityTimeout);
        Assert.False(postgres.AllowDegradedModeWithoutStorage);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
