using RunSummary = Portal.Contracts.Runs.RunSummary;
using Portal.Testbed.Domino;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Exports;

/// <summary>Issue 5's schedules against a running portal: Hangfire's recurring job fires, stops when disabled and goes when archived.</summary>
public sealed class ExportScheduleTests(FilesPortal portal) : IClassFixture<FilesPortal>
{
    [Fact]
    public async Task A_per_minute_schedule_runs_on_its_own_disabling_stops_it_and_archiving_removes_its_Hangfire_job()
    {
        var shots = new Screenshots("schedule");
        var file = new TestFile("forecast.csv", TestContent.Generated(50_000, seed: 9));
        portal.Project("weather", file);
        var admin = portal.Admin;
        var page = admin.Page;

        var editor = new ExportEditorPage(page);
        await editor.OpenAsync();
        await editor.PickProjectAsync("lin/weather");
        await editor.NameAsync("weather", "forecast");
        await editor.ChooseS3TargetAsync(FilesPortal.S3Target);
        await editor.SetImageExportAsync(false);
        await editor.TypeCronAsync("* * * * *");
        await page.WaitForFunctionAsync("""
            () => {
              const minutes = [...document.querySelectorAll('[data-testid=next-runs] li')]
                .map(li => li.textContent.match(/(\d\d):(\d\d) \(/)).filter(m => m).map(m => +m[1] * 60 + +m[2]);
              return minutes.length === 5 && minutes.every((m, i) => i === 0 || (m - minutes[i - 1] + 1440) % 1440 === 1);
            }
            """);
        await shots.TakeAsync(page, "editor-every-minute");
        var exportId = await editor.CreateAsync();
        var export = new ExportPage(page);
        await Expect(export.Settings).ToContainTextAsync("* * * * * (UTC)");

        var hangfire = new HangfirePage(page);
        await hangfire.OpenRecurringJobsAsync();
        await Expect(hangfire.ExportJob(exportId)).ToBeVisibleAsync();
        await shots.TakeAsync(page, "hangfire-recurring-job");

        // The next minute's tick runs it, with nobody clicking anything.
        var scheduled = await WaitForRunAsync(exportId, r => r.Trigger == "Schedule" && r.Status == 290, TimeSpan.FromSeconds(120));
        await export.OpenAsync(exportId);
        await Expect(export.RunsWithTrigger("Schedule")).Not.ToHaveCountAsync(0);
        await Expect(export.RunsWithTrigger("Schedule").Last).ToContainTextAsync("Succeeded");
        Assert.Equal(file.Content.Sha256(), (await portal.S3.ReadTreeAsync(FilesPortal.Bucket, "projects/weather/forecast/latest/"))["forecast.csv"].Sha256);
        await shots.TakeAsync(page, "scheduled-run-in-history");
        var run = new RunPage(page);
        await run.OpenAsync(scheduled.Id);
        await Expect(run.Times).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Schedule ·\s+queued"));
        await Expect(run.Status).ToHaveTextAsync("Succeeded");

        // Disabled: its Hangfire job goes and the next tick passes without a run.
        await export.OpenAsync(exportId);
        await export.DisableAsync();
        await Expect(export.Message).ToHaveTextAsync("Disabled: it no longer runs on its schedule.");
        var disabledAt = DateTimeOffset.UtcNow;
        var scheduledRuns = (await admin.Api.RunsAsync(exportId)).Count(r => r.Trigger == "Schedule");
        await hangfire.OpenRecurringJobsAsync();
        await Expect(hangfire.ExportJob(exportId)).ToHaveCountAsync(0);
        var pastNextTick = NextTickAfter(disabledAt) + TimeSpan.FromSeconds(20) - (DateTimeOffset.UtcNow - disabledAt);
        if (pastNextTick > TimeSpan.Zero) await Task.Delay(pastNextTick);
        Assert.Equal(scheduledRuns, (await admin.Api.RunsAsync(exportId)).Count(r => r.Trigger == "Schedule"));

        // Enabled again, the job is back; archived, it is gone, and so is the export from the list.
        await export.OpenAsync(exportId);
        await export.EnableAsync();
        await Expect(export.Message).ToHaveTextAsync("Enabled: it runs on its schedule again.");
        await hangfire.OpenRecurringJobsAsync();
        await Expect(hangfire.ExportJob(exportId)).ToBeVisibleAsync();
        await export.OpenAsync(exportId);
        await export.ArchiveAsync();
        var exports = new ExportsPage(page);
        await Expect(exports.Empty).ToHaveTextAsync("No exports yet.");
        await hangfire.OpenRecurringJobsAsync();
        await Expect(hangfire.ExportJob(exportId)).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "hangfire-after-archive");
    }

    /// <summary>The time from <paramref name="at"/> to the next minute boundary (when a per-minute job is due).</summary>
    private static TimeSpan NextTickAfter(DateTimeOffset at) => TimeSpan.FromSeconds(60 - at.Second) - TimeSpan.FromMilliseconds(at.Millisecond);

    private Task<RunSummary> WaitForRunAsync(int exportId, Func<RunSummary, bool> wanted, TimeSpan timeout) =>
        Poll.ForAsync(async () => (await portal.Admin.Api.RunsAsync(exportId)).FirstOrDefault(wanted), $"such a run of export {exportId}", timeout,
            async () => $"Its runs: {string.Join(", ", (await portal.Admin.Api.RunsAsync(exportId)).Select(r => $"#{r.Number} {r.Trigger} {r.Status}"))}",
            TimeSpan.FromSeconds(1));
}
