using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Runs;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Runs;

/// <summary>
/// Hangfire hands a job out again when the node that took it stopped answering (its invisibility timeout
/// passed). A scheduled tick must still make one run. The job is performed here as Hangfire would, with a
/// real job in the (in-memory) storage.
/// </summary>
public sealed class RedeliveryTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_tick_delivered_again_after_its_run_ran_makes_no_second_run()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var job = NewTickJob(scenario.ExportId);

        await PerformAsync(job, scenario.ExportId);
        await PerformAsync(job, scenario.ExportId);

        var run = Assert.Single(await RunsAsync(scenario.ExportId));
        Assert.Equal(StatusCode.Completed, run.Status);
        Assert.Equal(job, run.JobId);
        Assert.Contains(Host.Logs.Entries, e => e.Message.Contains($"run {run.Id} of export {scenario.ExportId} is not made twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tick_delivered_again_before_its_run_started_runs_that_run()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var job = NewTickJob(scenario.ExportId);
        // The first node made the run and noted it on the job, then died before starting it.
        var queued = await Host.WithAsync<RunStore, Run>(s => s.CreateAsync(scenario.ExportId, RunTrigger.Schedule, null, job, default));
        using (var connection = Host.Get<JobStorage>().GetConnection())
            Context(connection, job).SetJobParameter(ExportJob.RunParameter, queued.Id);

        await PerformAsync(job, scenario.ExportId);

        var run = Assert.Single(await RunsAsync(scenario.ExportId));
        Assert.Equal(queued.Id, run.Id);
        Assert.Equal(StatusCode.Completed, run.Status);
    }

    [Fact]
    public async Task Each_tick_makes_its_own_run_even_when_an_old_run_carries_the_same_job_id()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var first = NewTickJob(scenario.ExportId);
        var second = NewTickJob(scenario.ExportId);
        // In-memory storage starts its job ids again after a restart: an id alone does not say "delivered again".
        await Host.WithAsync<RunStore, Run>(s => s.CreateAsync(scenario.ExportId, RunTrigger.Schedule, null, second, default));

        await PerformAsync(first, scenario.ExportId);
        await PerformAsync(second, scenario.ExportId);

        Assert.Equal(3, (await RunsAsync(scenario.ExportId)).Count);
    }

    private string NewTickJob(int exportId) =>
        Host.Get<IBackgroundJobClient>().Create<ExportJob>(j => j.RunScheduledAsync(exportId, null, CancellationToken.None),
            new ScheduledState(TimeSpan.FromDays(1)));

    private async Task PerformAsync(string jobId, int exportId)
    {
        using var connection = Host.Get<JobStorage>().GetConnection();
        // Hangfire activates each job in a scope of its own.
        await using var scope = Host.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<ExportJob>(scope.ServiceProvider);
        await job.RunScheduledAsync(exportId, Context(connection, jobId), CancellationToken.None);
    }

    private PerformContext Context(Hangfire.Storage.IStorageConnection connection, string jobId)
    {
        var data = connection.GetJobData(jobId)!;
        return new PerformContext(Host.Get<JobStorage>(), connection, new BackgroundJob(jobId, data.Job, data.CreatedAt),
            new JobCancellationToken(false));
    }

    private Task<List<Run>> RunsAsync(int exportId) =>
        Host.DbAsync(db => db.Runs.AsNoTracking().Where(r => r.ExportId == exportId).ToListAsync());
}
