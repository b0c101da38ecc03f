using Microsoft.EntityFrameworkCore;
using Portal.Domain.Runs;
using Portal.Runs;

namespace Portal.Tests.Unit.Runs;

/// <summary>
/// Hangfire hands a job out again when the node that took it stopped answering (its invisibility timeout
/// passed). A scheduled tick must still make one run.
/// </summary>
[Collection(PortalExportsCollection.Name)]
public sealed class RedeliveryTests(PortalExportsFixture fixture) : IAsyncLifetime
{
    private ExportsHost _host = null!;

    public async Task InitializeAsync() => _host = await ExportsHost.StartAsync(fixture);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_tick_delivered_again_after_its_run_started_makes_no_second_run()
    {
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);
        var runner = _host.Get<ExportRunner>();

        await runner.RunScheduledAsync(scenario.ExportId, "41", default);
        await runner.RunScheduledAsync(scenario.ExportId, "41", default);

        var run = Assert.Single(await RunsAsync(scenario.ExportId));
        Assert.Equal(StatusCode.Completed, run.Status);
        Assert.Equal("41", run.JobId);
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains($"run {run.Id} of export {scenario.ExportId} is not made twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tick_delivered_again_before_its_run_started_runs_that_run()
    {
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);
        // The first node made the run, then died before starting it.
        var queued = await _host.WithAsync<RunStore, Run>(s => s.CreateAsync(scenario.ExportId, RunTrigger.Schedule, null, "42", default));

        await _host.Get<ExportRunner>().RunScheduledAsync(scenario.ExportId, "42", default);

        var run = Assert.Single(await RunsAsync(scenario.ExportId));
        Assert.Equal(queued.Id, run.Id);
        Assert.Equal(StatusCode.Completed, run.Status);
    }

    [Fact]
    public async Task Each_tick_is_its_own_job_and_makes_its_own_run()
    {
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);
        var runner = _host.Get<ExportRunner>();

        await runner.RunScheduledAsync(scenario.ExportId, "43", default);
        await runner.RunScheduledAsync(scenario.ExportId, "44", default);

        Assert.Equal(["43", "44"], (await RunsAsync(scenario.ExportId)).OrderBy(r => r.Id).Select(r => r.JobId));
    }

    private Task<List<Run>> RunsAsync(int exportId) =>
        _host.DbAsync(db => db.Runs.AsNoTracking().Where(r => r.ExportId == exportId).ToListAsync());
}
