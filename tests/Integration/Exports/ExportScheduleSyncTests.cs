using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Exports;
using Portal.Tests.Integration.Runs;
using Portal.Contracts.Shared;

namespace Portal.Tests.Integration.Exports;

public sealed class ExportScheduleSyncTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task Each_active_export_has_one_recurring_job_that_follows_its_schedule_and_time_zone()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);

        var job = Assert.Single(await Host.RecurringJobsAsync(), j => j.Id == ExportScheduleSync.JobId(scenario.ExportId));
        Assert.Equal("0 3 * * *", job.Cron);
        Assert.Equal("UTC", job.TimeZoneId);
        Assert.NotNull((await Host.ExportRecordAsync(scenario.ExportId)).NextRunAt);

        var form = (await Host.WithAsync<ExportReader, Contracts.Exports.ExportDetails?>(s => s.GetAsync(scenario.User, scenario.ExportId, default)))!.Form;
        form.Schedule = "*/30 * * * *";
        form.TimeZone = "Europe/Berlin";
        Assert.True((await Host.WithAsync<ExportForms, SaveResult>(s => s.SaveAsync(scenario.User, scenario.ExportId, form, default))).Succeeded);

        job = Assert.Single(await Host.RecurringJobsAsync(), j => j.Id == ExportScheduleSync.JobId(scenario.ExportId));
        Assert.Equal("*/30 * * * *", job.Cron);
        Assert.Equal("Europe/Berlin", job.TimeZoneId);
    }

    [Fact]
    public async Task Disabling_removes_the_job_enabling_brings_it_back_and_archiving_removes_it_for_good()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var id = ExportScheduleSync.JobId(scenario.ExportId);

        await Host.WithAsync<ExportActions, SaveResult>(s => s.SetEnabledAsync(scenario.User, scenario.ExportId, false, default));
        Assert.DoesNotContain(await Host.RecurringJobsAsync(), j => j.Id == id);
        Assert.Null((await Host.ExportRecordAsync(scenario.ExportId)).NextRunAt);

        await Host.WithAsync<ExportActions, SaveResult>(s => s.SetEnabledAsync(scenario.User, scenario.ExportId, true, default));
        Assert.Contains(await Host.RecurringJobsAsync(), j => j.Id == id);

        await Host.WithAsync<ExportActions, SaveResult>(s => s.ArchiveAsync(scenario.User, scenario.ExportId, default));
        Assert.DoesNotContain(await Host.RecurringJobsAsync(), j => j.Id == id);
        Assert.True((await Host.ExportRecordAsync(scenario.ExportId)).Archived);
    }

    [Fact]
    public async Task Start_up_rebuilds_the_jobs_from_the_database_and_drops_jobs_of_exports_that_are_gone()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var recurring = Host.Get<IRecurringJobManager>();
        recurring.RemoveIfExists(ExportScheduleSync.JobId(scenario.ExportId));
        recurring.AddOrUpdate<Portal.Runs.ExportJob>(ExportScheduleSync.JobId(999_999), j => j.RunScheduledAsync(999_999, null, CancellationToken.None), "* * * * *");

        await Host.WithAsync<ExportScheduleSync, int>(async s => { await s.SyncAllAsync(default); return 0; });

        var jobs = await Host.RecurringJobsAsync();
        Assert.Contains(jobs, j => j.Id == ExportScheduleSync.JobId(scenario.ExportId));
        Assert.DoesNotContain(jobs, j => j.Id == ExportScheduleSync.JobId(999_999));
        Assert.Equal(1, await Host.DbAsync(db => db.Exports.CountAsync()));
    }
}
