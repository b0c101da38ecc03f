using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Portal.Domain.Runs;
using Portal.Health;
using Portal.Runs;
using Portal.Testbed.Databases;
using Portal.Testbed.Domino;
using Portal.Testbed.Network;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Runs;

/// <summary>
/// Runs on PostgreSQL whose server the test stops and starts again: progress survives a blip, and a run's true ending
/// reaches the database when it returns. Each test has its own cluster, since it stops it.
/// </summary>
[Collection(PortalExportsCollection.Name)]
public sealed class DatabaseFaultTests(PortalExportsFixture fixture) : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private ExportsHost _host = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        var connection = await _postgres.CreateDatabaseAsync("portal");
        _host = await ExportsHost.StartAsync(fixture, database: (DatabaseProvider.PostgreSql, connection + ";Timeout=3;Command Timeout=5"));
    }

    public async Task DisposeAsync()
    {
        fixture.Domino.Faults.Latency = TimeSpan.Zero;
        await _host.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task A_database_blip_during_progress_loses_no_file_record()
    {
        const int count = 400;
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false,
            content: Enumerable.Range(0, count).Select(i => new TestFile($"files/{i:000}.txt", TestContent.FromText($"file {i}"))));
        fixture.Domino.Faults.Latency = TimeSpan.FromMilliseconds(60);
        var runId = await scenario.QueueRunAsync();
        var running = _host.RunAsync(runId);
        await Poll.UntilAsync(async () => (await _host.DbAsync(db => db.RunFiles.CountAsync(f => f.RunId == runId))) >= 50, "the run's first 50 file records");

        await _postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _postgres.StartAgainAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(2));

        var run = await _host.RunRecordAsync(runId);
        Assert.True(run.Status == StatusCode.Completed, run.Message);
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains($"Could not save the progress of run {runId}", StringComparison.Ordinal));
        Assert.Equal(count, run.Files.Count);
        Assert.Equal(count, run.Files.Select(f => f.Path).Distinct().Count());
        Assert.Equal(count, run.FilesDone);
    }

    [Fact]
    public async Task The_database_stopped_after_the_last_file_the_true_ending_is_recorded_when_it_returns()
    {
        await using var proxy = FaultProxy.Start(fixture.S3.Url);
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false, s3Endpoint: proxy.Url);
        // The moment the run writes its manifest (every file is in S3), the database goes away.
        proxy.Hold(line => line.StartsWith("PUT ", StringComparison.Ordinal) && line.Contains(scenario.S3Prefix + "latest.manifest.json", StringComparison.Ordinal),
            () => _postgres.StopAsync());
        var runId = await scenario.QueueRunAsync();

        await _host.RunAsync(runId);

        var journal = _host.Get<RunJournal>();
        Assert.Equal(1, journal.Pending);
        Assert.Equal(HealthStatus.Unhealthy, (await ReadinessAsync()).Status);
        await _postgres.StartAgainAsync();
        Assert.Equal(1, await _host.Get<RunFinisher>().ReplayAsync(default));

        var run = await _host.RunRecordAsync(runId);
        Assert.Equal(StatusCode.Completed, run.Status);
        Assert.Equal(StatusCode.Completed, run.FilesStatus);
        Assert.Equal(scenario.Project.Head!.Id, run.CommitId);
        Assert.Equal(scenario.Project.Head.Files.Keys.Order(StringComparer.Ordinal), run.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Contains(run.Stages, s => s.Code == StatusCode.ProjectFileTansferToS3Ended);
        var export = await _host.ExportRecordAsync(scenario.ExportId);
        Assert.Equal(scenario.Project.Head.Id, export.FilesCommitId);
        Assert.Null(export.ActiveRunId);
        Assert.Equal(StatusCode.Completed, export.LastStatus);
        Assert.Equal(0, journal.Pending);
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync()).Status);
    }

    private async Task<HealthCheckResult> ReadinessAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var check = ActivatorUtilities.CreateInstance<DatabaseWriteCheck>(scope.ServiceProvider);
        return await check.CheckHealthAsync(new HealthCheckContext());
    }
}
