using System.Net;
using System.Text.Json;
using Portal.Connections;
using Portal.Exports;
using Portal.Health;
using Portal.Runs;
using Portal.Tests.Integration.Support;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// <c>/health</c> as scripts written against the running original read it (docs/v1-compatibility.md, "/health"):
/// the original's field, the spec's field with the same value, booleans only, and overall as the four flags ANDed.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class HealthConformanceTests(PortalHost portal) : IClassFixture<PortalHost>
{
    private static readonly string[] Fields =
    [
        "overall_healthy", "api_version", "health_check_timestamp", "domino_platform_connection_healthy",
        "domino_registry_connection_healthy", "s3_connection_healthy", "external_registry_connection_healthy",
        "last_successful_backup_job_timestamp", "last_successful_export_job_timestamp",
    ];

    private static readonly string[] Flags =
    [
        "overall_healthy", "domino_platform_connection_healthy", "domino_registry_connection_healthy", "s3_connection_healthy",
        "external_registry_connection_healthy",
    ];

    [Fact]
    public async Task Health_sends_the_timestamp_under_the_originals_name_and_the_specs_with_the_same_value()
    {
        var (_, before) = await HealthAsync();
        Assert.Equal(Fields, before.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("last_successful_backup_job_timestamp").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("last_successful_export_job_timestamp").ValueKind);

        var owner = await portal.UserAsync($"health-{Guid.NewGuid():N}@example.com");
        var ended = new DateTimeOffset(2026, 2, 1, 8, 30, 15, 123, TimeSpan.Zero);
        await portal.DbAsync(async db =>
        {
            var deployment = new DominoDeployment { Name = $"d-{Guid.NewGuid():N}", ApiUrl = "http://127.0.0.1:9" };
            db.DominoDeployments.Add(deployment);
            await db.SaveChangesAsync();
            var export = new Export
            {
                ExportKey = Guid.NewGuid().ToString("N"), OwnerId = owner.Id, DominoDeploymentId = deployment.Id, GroupName = "health",
                ProjectName = "stamp", Schedule = "*/15 * * * *",
            };
            db.Exports.Add(export);
            await db.SaveChangesAsync();
            db.Runs.AddRange(
                new Run { ExportId = export.Id, Number = 1, Status = StatusCode.Completed, CreatedAt = ended.AddHours(-1), EndedAt = ended },
                new Run { ExportId = export.Id, Number = 2, Status = StatusCode.S3Error, CreatedAt = ended, EndedAt = ended.AddHours(1) });
            return await db.SaveChangesAsync();
        });

        var (status, health) = await HealthAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Fields, health.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-02-01 08:30:15.123000+00:00", health.GetProperty("last_successful_backup_job_timestamp").GetString());
        Assert.Equal(health.GetProperty("last_successful_backup_job_timestamp").GetString(),
            health.GetProperty("last_successful_export_job_timestamp").GetString());
        await AssertDocumentedAsync();
    }

    [Fact]
    public async Task Health_sends_booleans_never_null_and_overall_is_the_four_flags_ANDed()
    {
        // Nothing checked yet: nothing is known to be healthy.
        var (_, nothingChecked) = await HealthAsync();
        AssertFlags(nothingChecked, overall: false, domino: false, dominoRegistry: false, s3: false, registry: false);
        Assert.Equal("v1", nothingChecked.GetProperty("api_version").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\+00:00$", nothingChecked.GetProperty("health_check_timestamp").GetString());

        // Domino and S3 answer, no registry is set: the original sent false for the registries, and overall false.
        var checkedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var (deployment, s3) = await portal.DbAsync(async db =>
        {
            var d = new DominoDeployment { Name = $"d-{Guid.NewGuid():N}", ApiUrl = "http://127.0.0.1:9" };
            var t = new S3Destination { Name = $"s-{Guid.NewGuid():N}", Bucket = "b" };
            db.AddRange(d, t);
            await db.SaveChangesAsync();
            return (d.Id, t.Id);
        });
        await AddChecksAsync(Check(ComponentKind.Domino, deployment, true, checkedAt), Check(ComponentKind.S3, s3, true, checkedAt));
        var (_, noRegistry) = await HealthAsync();
        AssertFlags(noRegistry, overall: false, domino: true, dominoRegistry: false, s3: true, registry: false);
        Assert.Equal("2026-03-01 10:00:00+00:00", noRegistry.GetProperty("health_check_timestamp").GetString());

        // The target registry and Domino's answer through their own API: every part is healthy.
        var registry = await portal.DbAsync(async db =>
        {
            var r = new RegistryDestination { Name = $"r-{Guid.NewGuid():N}", Host = "registry.example:5000" };
            db.RegistryDestinations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        await AddChecksAsync(Check(ComponentKind.Registry, registry, true, checkedAt.AddSeconds(1)),
            Check(ComponentKind.DominoRegistry, deployment, true, checkedAt.AddSeconds(1)));
        var (_, healthy) = await HealthAsync();
        AssertFlags(healthy, overall: true, domino: true, dominoRegistry: true, s3: true, registry: true);
        Assert.Equal("2026-03-01 10:00:01+00:00", healthy.GetProperty("health_check_timestamp").GetString());

        // The Docker engine fails: the registries are reached without it (the registry copy), so they stay healthy.
        await AddChecksAsync(Check(ComponentKind.Docker, 0, false, checkedAt.AddSeconds(2).AddMilliseconds(1)));
        var (_, noEngine) = await HealthAsync();
        AssertFlags(noEngine, overall: true, domino: true, dominoRegistry: true, s3: true, registry: true);
        Assert.Equal("2026-03-01 10:00:02.001000+00:00", noEngine.GetProperty("health_check_timestamp").GetString());

        // Domino's registry refuses: its flag and overall follow.
        await AddChecksAsync(Check(ComponentKind.DominoRegistry, deployment, false, checkedAt.AddSeconds(3)));
        var (_, refused) = await HealthAsync();
        AssertFlags(refused, overall: false, domino: true, dominoRegistry: false, s3: true, registry: true);
        await AssertDocumentedAsync();
    }

    private readonly List<(HttpStatusCode Status, JsonElement Json)> _answers = [];

    private async Task<(HttpStatusCode Status, JsonElement Json)> HealthAsync()
    {
        using var http = portal.Client();
        var answer = await http.GetJsonAsync("/health");
        _answers.Add(answer);
        return answer;
    }

    /// <summary>Every answer the test saw fits the published document (checked last, so a failure above names the field).</summary>
    private async Task AssertDocumentedAsync()
    {
        using var http = portal.Client();
        var document = await V1Document.LoadAsync(http);
        foreach (var (status, json) in _answers) document.AssertAnswer(HttpMethod.Get, "/health", status, json);
    }

    private static void AssertFlags(JsonElement health, bool overall, bool domino, bool dominoRegistry, bool s3, bool registry)
    {
        foreach (var flag in Flags)
            Assert.True(health.GetProperty(flag).ValueKind is JsonValueKind.True or JsonValueKind.False, $"{flag} is not a boolean: {health}");
        Assert.Equal((overall, domino, dominoRegistry, s3, registry),
            (health.GetProperty("overall_healthy").GetBoolean(), health.GetProperty("domino_platform_connection_healthy").GetBoolean(),
                health.GetProperty("domino_registry_connection_healthy").GetBoolean(), health.GetProperty("s3_connection_healthy").GetBoolean(),
                health.GetProperty("external_registry_connection_healthy").GetBoolean()));
    }

    private Task<int> AddChecksAsync(params ComponentCheck[] checks) => portal.DbAsync(db =>
    {
        db.ComponentChecks.AddRange(checks);
        return db.SaveChangesAsync();
    });

    private static ComponentCheck Check(ComponentKind kind, int target, bool healthy, DateTimeOffset at) =>
        new() { Component = kind, TargetId = target, TargetName = kind.ToString(), Healthy = healthy, CheckedAt = at };
}
