using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Exports;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Contracts.Runs;
using Portal.Runs;

namespace Portal.Tests.Integration.Runs;

/// <summary>"Run anyway (force)": after a skip, a forced run exports again although nothing changed.</summary>
public sealed class ForcedRunTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_forced_run_exports_an_unchanged_project_that_a_plain_run_skips()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host);
        await scenario.RunNowAsync();
        Assert.Equal(StatusCode.Skipped, (await scenario.RunNowAsync()).Status);

        var started = await Host.WithAsync<ExportActions, RunStarted>(
            s => s.RunNowAsync(scenario.User, scenario.ExportId, RunTrigger.Manual, default, force: true));
        Assert.True(started.Succeeded, started.Message);
        var queued = await Host.RunRecordAsync(started.RunId!.Value);
        // The job Hangfire would run, run as Hangfire would: its method and arguments from storage.
        var job = Host.Get<JobStorage>().GetMonitoringApi().JobDetails(queued.JobId).Job;
        Assert.Equal(nameof(ExportJob.RunForcedAsync), job.Method.Name);
        await (Task)job.Method.Invoke(ActivatorUtilities.CreateInstance<ExportJob>(Host.Services), [.. job.Args])!;

        var forced = await Host.RunRecordAsync(queued.Id);
        Assert.Equal(StatusCode.Completed, forced.Status);
        Assert.Equal(StatusCode.Completed, forced.FilesStatus);
        Assert.Equal(StatusCode.Completed, forced.ImageStatus);
        Assert.Equal(3, forced.Number);
    }
}
