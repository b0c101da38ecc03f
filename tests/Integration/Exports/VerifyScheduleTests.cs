using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Exports;
using Portal.Runs;
using Portal.Tests.Integration.Runs;

namespace Portal.Tests.Integration.Exports;

/// <summary>Verify on its own schedule: a recurring job beside the export's, making Verify runs.</summary>
public sealed class VerifyScheduleTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_verify_schedule_gets_its_own_job_whose_ticks_record_verify_runs_and_it_follows_the_export()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        Assert.Equal(StatusCode.Completed, (await scenario.RunNowAsync()).Status);
        var id = ExportScheduleSync.VerifyJobId(scenario.ExportId);
        Assert.DoesNotContain(await Host.RecurringJobsAsync(), j => j.Id == id);

        var form = await FormAsync(scenario);
        form.VerifySchedule = " 0 4 * * 0 ";
        form.TimeZone = "Europe/Berlin";
        Assert.True((await SaveAsync(scenario, form)).Succeeded);

        var job = Assert.Single(await Host.RecurringJobsAsync(), j => j.Id == id);
        Assert.Equal(("0 4 * * 0", "Europe/Berlin", JobQueues.Default), (job.Cron, job.TimeZoneId, job.Queue ?? job.Job.Queue ?? JobQueues.Default));
        Assert.Equal("0 4 * * 0", (await FormAsync(scenario)).VerifySchedule);

        // A tick, run as Hangfire would run it: its method and arguments from storage.
        await (Task)job.Job.Method.Invoke(ActivatorUtilities.CreateInstance<ExportJob>(Host.Services), [.. job.Job.Args])!;
        var verify = (await Host.DbAsync(db => Task.FromResult(db.Runs.Where(r => r.ExportId == scenario.ExportId).OrderBy(r => r.Id).ToList()))).Last();
        Assert.Equal((RunKind.Verify, RunTrigger.Schedule, StatusCode.Completed), (verify.Kind, verify.Trigger, verify.Status));

        // The job follows the export: gone while disabled, back when enabled, gone when the schedule is cleared.
        await Host.WithAsync<ExportActions, SaveResult>(s => s.SetEnabledAsync(scenario.User, scenario.ExportId, false, default));
        Assert.DoesNotContain(await Host.RecurringJobsAsync(), j => j.Id == id);
        await Host.WithAsync<ExportActions, SaveResult>(s => s.SetEnabledAsync(scenario.User, scenario.ExportId, true, default));
        Assert.Contains(await Host.RecurringJobsAsync(), j => j.Id == id);
        form = await FormAsync(scenario);
        form.VerifySchedule = "";
        Assert.True((await SaveAsync(scenario, form)).Succeeded);
        Assert.DoesNotContain(await Host.RecurringJobsAsync(), j => j.Id == id);
        Assert.Contains(await Host.RecurringJobsAsync(), j => j.Id == ExportScheduleSync.JobId(scenario.ExportId));
    }

    [Fact]
    public async Task Start_up_restores_a_lost_verify_job_and_drops_one_whose_export_is_gone()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.VerifySchedule = "30 5 * * *";
        Assert.True((await SaveAsync(scenario, form)).Succeeded);
        var recurring = Host.Get<IRecurringJobManager>();
        recurring.RemoveIfExists(ExportScheduleSync.VerifyJobId(scenario.ExportId));
        recurring.AddOrUpdate<ExportJob>(ExportScheduleSync.VerifyJobId(999_999), j => j.VerifyScheduledAsync(999_999, null, CancellationToken.None), "* * * * *");

        await Host.WithAsync<ExportScheduleSync, int>(async s => { await s.SyncAllAsync(default); return 0; });

        var jobs = await Host.RecurringJobsAsync();
        Assert.Equal("30 5 * * *", Assert.Single(jobs, j => j.Id == ExportScheduleSync.VerifyJobId(scenario.ExportId)).Cron);
        Assert.DoesNotContain(jobs, j => j.Id == ExportScheduleSync.VerifyJobId(999_999));
    }

    [Fact]
    public async Task A_bad_verify_schedule_or_one_on_an_export_without_files_is_refused_with_the_reason()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.VerifySchedule = "every sunday";

        var bad = await SaveAsync(scenario, form);

        Assert.False(bad.Succeeded);
        Assert.Contains("five fields", bad.ErrorFor(nameof(ExportForm.VerifySchedule)), StringComparison.Ordinal);

        var imageOnly = await RunScenario.CreateAsync(Fixture, Host, files: false);
        form = await FormAsync(imageOnly);
        form.VerifySchedule = "0 4 * * 0";
        var refused = await SaveAsync(imageOnly, form);
        Assert.False(refused.Succeeded);
        Assert.Contains("has a snapshot to verify", refused.ErrorFor(nameof(ExportForm.VerifySchedule)), StringComparison.Ordinal);
        Assert.DoesNotContain(await Host.RecurringJobsAsync(), j => j.Id == ExportScheduleSync.VerifyJobId(imageOnly.ExportId));
    }

    private async Task<ExportForm> FormAsync(RunScenario scenario) =>
        (await Host.WithAsync<ExportReader, ExportDetails?>(s => s.GetAsync(scenario.User, scenario.ExportId, default)))!.Form;

    private Task<SaveResult> SaveAsync(RunScenario scenario, ExportForm form) =>
        Host.WithAsync<ExportForms, SaveResult>(s => s.SaveAsync(scenario.User, scenario.ExportId, form, default));
}
