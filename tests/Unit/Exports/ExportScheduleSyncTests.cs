using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Client.Shared;
using Portal.Exports;
using Portal.Tests.Unit.Runs;

namespace Portal.Tests.Unit.Exports;

[Collection(PortalExportsCollection.Name)]
public sealed class ExportScheduleSyncTests(PortalExportsFixture fixture) : IAsyncLifetime
{
    private ExportsHost _host = null!;

    public async Task InitializeAsync() => _host = await ExportsHost.StartAsync(fixture);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Each_active_export_has_one_recurring_job_that_follows_its_schedule_and_time_zone()
    {
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);

        var job = Assert.Single(await _host.RecurringJobsAsync(), j => j.Id == ExportScheduleSync.JobId(scenario.ExportId));
        Assert.Equal("0 3 * * *", job.Cron);
        Assert.Equal("UTC", job.TimeZoneId);
        Assert.NotNull((await _host.ExportRecordAsync(scenario.ExportId)).NextRunAt);

        var form = (await _host.WithAsync<ExportService, Client.Exports.ExportDetails?>(s => s.GetAsync(scenario.User, scenario.ExportId, default)))!.Form;
        form.Schedule = "*/30 * * * *";
        form.TimeZone = "Europe/Berlin";
        Assert.True((await _host.WithAsync<ExportService, SaveResult>(s => s.SaveAsync(scenario.User, scenario.ExportId, form, default))).Succeeded);

        job = Assert.Single(await _host.RecurringJobsAsync(), j => j.Id == ExportScheduleSync.JobId(scenario.ExportId));
        Assert.Equal("*/30 * * * *", job.Cron);
        Assert.Equal("Europe/Berlin", job.TimeZoneId);
    }

    [Fact]
    public async Task Disabling_removes_the_job_enabling_brings_it_back_and_archiving_removes_it_for_good()
    {
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);
        var id = ExportScheduleSync.JobId(scenario.ExportId);

        await _host.WithAsync<ExportService, SaveResult>(s => s.SetEnabledAsync(scenario.User, scenario.ExportId, false, default));
        Assert.DoesNotContain(await _host.RecurringJobsAsync(), j => j.Id == id);
        Assert.Null((await _host.ExportRecordAsync(scenario.ExportId)).NextRunAt);

        await _host.WithAsync<ExportService, SaveResult>(s => s.SetEnabledAsync(scenario.User, scenario.ExportId, true, default));
        Assert.Contains(await _host.RecurringJobsAsync(), j => j.Id == id);

        await _host.WithAsync<ExportService, SaveResult>(s => s.ArchiveAsync(scenario.User, scenario.ExportId, default));
        Assert.DoesNotContain(await _host.RecurringJobsAsync(), j => j.Id == id);
        Assert.True((await _host.ExportRecordAsync(scenario.ExportId)).Archived);
    }

    [Fact]
    public async Task Start_up_rebuilds_the_jobs_from_the_database_and_drops_jobs_of_exports_that_are_gone()
    {
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);
        var recurring = _host.Get<IRecurringJobManager>();
        recurring.RemoveIfExists(ExportScheduleSync.JobId(scenario.ExportId));
        recurring.AddOrUpdate<Portal.Runs.ExportJob>(ExportScheduleSync.JobId(999_999), j => j.RunScheduledAsync(999_999, null, CancellationToken.None), "* * * * *");

        await _host.WithAsync<ExportScheduleSync, int>(async s => { await s.SyncAllAsync(default); return 0; });

        var jobs = await _host.RecurringJobsAsync();
        Assert.Contains(jobs, j => j.Id == ExportScheduleSync.JobId(scenario.ExportId));
        Assert.DoesNotContain(jobs, j => j.Id == ExportScheduleSync.JobId(999_999));
        Assert.Equal(1, await _host.DbAsync(db => db.Exports.CountAsync()));
    }
}
