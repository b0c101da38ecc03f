using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Exports;
using Portal.Health;
using Portal.Runs;
using Portal.Tests.Integration.Support;
using Portal.Contracts.Runs;
using Portal.Connections;
using Portal.Tests.Integration.V1;

namespace Portal.Tests.Integration.Health;

[Collection(PortalHostCollection.Name)]
public sealed class HealthApiTests(PortalHost portal) : IClassFixture<PortalHost>
{
    private static readonly string[] Fields =
    [
        "overall_healthy", "api_version", "health_check_timestamp", "domino_platform_connection_healthy", "domino_registry_connection_healthy",
        "s3_connection_healthy", "external_registry_connection_healthy", "last_successful_backup_job_timestamp",
        "last_successful_export_job_timestamp",
    ];

    [Fact]
    public async Task Health_reports_the_original_fields_from_the_newest_recorded_checks_and_the_last_successful_run()
    {
        using var http = portal.Client();
        var (emptyStatus, empty) = await http.GetJsonAsync("/health");
        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Equal(Fields, empty.Names());
        Assert.False(empty.GetProperty("overall_healthy").GetBoolean());
        Assert.Equal("v1", empty.Text("api_version"));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00$", empty.Text("health_check_timestamp"));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("last_successful_export_job_timestamp").ValueKind);

        var owner = await portal.UserAsync($"health-{Guid.NewGuid():N}@example.com");
        var setup = await portal.SetUpV1Async();
        var checkedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        await portal.DbAsync(async db =>
        {
            db.ComponentChecks.AddRange(
                Check(ComponentKind.Domino, setup.DeploymentId, healthy: false, checkedAt.AddMinutes(-1)),
                Check(ComponentKind.Domino, setup.DeploymentId, healthy: true, checkedAt),
                Check(ComponentKind.S3, setup.S3TargetId, healthy: true, checkedAt),
                Check(ComponentKind.Registry, setup.RegistryId, healthy: false, checkedAt),
                Check(ComponentKind.S3, 9999, healthy: false, checkedAt.AddMinutes(1)));
            var export = new Export
            {
                ExportKey = Guid.NewGuid().ToString("N"), OwnerId = owner.Id, DominoDeploymentId = setup.DeploymentId, GroupName = "h",
                ProjectName = "h", Schedule = "*/15 * * * *",
            };
            db.Exports.Add(export);
            await db.SaveChangesAsync();
            var ended = new DateTimeOffset(2026, 2, 1, 8, 30, 15, 123, TimeSpan.Zero);
            db.Runs.AddRange(
                new Run { ExportId = export.Id, Number = 1, Status = StatusCode.Completed, CreatedAt = ended.AddHours(-1), EndedAt = ended },
                new Run { ExportId = export.Id, Number = 2, Status = StatusCode.S3Error, CreatedAt = ended, EndedAt = ended.AddHours(1) });
            return await db.SaveChangesAsync();
        });

        var (_, health) = await http.GetJsonAsync("/health");

        Assert.Equal(Fields, health.Names());
        Assert.False(health.GetProperty("overall_healthy").GetBoolean());
        Assert.True(health.GetProperty("domino_platform_connection_healthy").GetBoolean());
        Assert.True(health.GetProperty("s3_connection_healthy").GetBoolean());
        Assert.False(health.GetProperty("external_registry_connection_healthy").GetBoolean());
        // No Domino registry check recorded (the Docker engine no longer counts for it): not known to be reachable.
        Assert.False(health.GetProperty("domino_registry_connection_healthy").GetBoolean());
        Assert.Equal("2026-03-01 10:00:00+00:00", health.Text("health_check_timestamp"));
        Assert.Equal("2026-02-01 08:30:15.123000+00:00", health.Text("last_successful_export_job_timestamp"));
        Assert.Equal("2026-02-01 08:30:15.123000+00:00", health.Text("last_successful_backup_job_timestamp"));
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_at_their_documented_paths()
    {
        using var http = portal.Client();

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        var checks = portal.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>))
            as Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>;
        Assert.Equal(["database", "database-writes", "hangfire"],
            checks!.Value.Registrations.Where(r => r.Tags.Contains(PortalHealth.ReadyTag)).Select(r => r.Name).Order());
    }

    private static ComponentCheck Check(ComponentKind kind, int target, bool healthy, DateTimeOffset at) =>
        new() { Component = kind, TargetId = target, TargetName = kind.ToString(), Healthy = healthy, CheckedAt = at };
}
