using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Client.Shared;
using Portal.Testbed.Domino;
using Portal.Tests.E2E.Exports;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;
using Portal.Contracts.Shared;

namespace Portal.Tests.E2E.Runs;

/// <summary>Issue 6 in Chromium: the run page follows a slow export live, and Cancel stops one.</summary>
[Collection(ExportsCollection.Name)]
public sealed class RunPageTests(ExportsWorld world)
{
    /// <summary>How long a new progress value may take to show (the page polls every second; the run saves every 0.5 s).</summary>
    private static readonly TimeSpan NextValueWithin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task During_a_slow_export_the_run_page_shows_progress_rising_without_reload_until_it_completes()
    {
        var shots = new Screenshots("run-progress");
        // Twelve files of 0.4 to 4.8 MB, downloaded at 600 kB/s each: they finish one after another over ~11 s.
        var files = Enumerable.Range(1, 12).Select(i => new TestFile($"parts/part-{i:00}.bin", TestContent.Generated(i * 400_000, seed: 100 + i)))
            .ToArray();
        world.Project("big-dataset", files);
        var user = await world.People.UserWithKeyAsync();
        var exportId = await user.Api.CreateProjectExportAsync("ada", "big-dataset", "big", "dataset", People.S3Target);
        var page = user.Page;
        var export = new ExportPage(page);
        await export.OpenAsync(exportId);

        world.Domino.Faults.BlobBytesPerSecond = 600_000;
        try
        {
            var runId = await export.RunNowAsync();
            var run = new RunPage(page);
            await Expect(run.Progress).ToBeVisibleAsync(new() { Timeout = 60_000 });
            // A mark that a reload would wipe: the page must update in place.
            await page.EvaluateAsync("window.__sameDocument = true");
            await Expect(run.BytesProgress).ToHaveTextAsync(new Regex($" of {Regex.Escape(Formats.Bytes(files.Sum(f => f.Content.Length)))}$"));

            var seen = new List<double> { await PercentAboveAsync(page, 0, TimeSpan.FromSeconds(30)) };
            while (seen.Count < 4)
                seen.Add(await PercentAboveAsync(page, seen[^1], NextValueWithin));
            await Expect(run.FilesProgress).ToHaveTextAsync(new Regex(@"^\d+ of 12$"));
            await shots.TakeAsync(page, "run-page-running");

            await Expect(run.Status).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
            Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the run page was reloaded");
            Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(pair.Second > pair.First));
            await Expect(run.Progress).ToHaveCountAsync(0);
            await Expect(run.Parts).ToContainTextAsync("12 of 12 files");
            await Expect(run.Files).ToHaveCountAsync(12);
            await shots.TakeAsync(page, "run-page-completed");
            Assert.Equal(290, (await user.Api.RunAsync(runId)).Summary.Status);
        }
        finally
        {
            world.Domino.Faults.BlobBytesPerSecond = 0;
        }

        await export.OpenAsync(exportId);
        await Expect(export.Runs).ToHaveCountAsync(1);
        await Expect(export.Runs.First).ToContainTextAsync("Succeeded");
        await shots.TakeAsync(page, "export-page");
        await page.GotoAsync("/");
        await Expect(new PortalShell(page).Heading).ToBeVisibleAsync();
        await shots.TakeAsync(page, "dashboard");
    }

    [Fact]
    public async Task Cancel_stops_a_slow_run_which_is_recorded_as_cancelled()
    {
        var shots = new Screenshots("run-cancel");
        world.Project("endless-stream", new TestFile("stream.bin", TestContent.Generated(40_000_000, seed: 7)));
        var user = await world.People.UserWithKeyAsync();
        var exportId = await user.Api.CreateProjectExportAsync("ada", "endless-stream", "endless", "stream", People.S3Target);
        var page = user.Page;
        var export = new ExportPage(page);
        await export.OpenAsync(exportId);

        world.Domino.Faults.BlobBytesPerSecond = 1_000_000;
        try
        {
            var runId = await export.RunNowAsync();
            var run = new RunPage(page);
            await Expect(run.Stages.Filter(new() { HasText = "(315)" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(run.Status).ToHaveTextAsync("Running");
            await shots.TakeAsync(page, "running");

            await run.CancelButton.ClickAsync();

            await Expect(run.Status).ToHaveTextAsync("Cancelled", new() { Timeout = 30_000 });
            await Expect(run.Error).ToContainTextAsync("104 ExecutionCancelled");
            await Expect(run.CancelButton).ToHaveCountAsync(0);
            await shots.TakeAsync(page, "cancelled");
            var details = await user.Api.RunAsync(runId);
            Assert.Equal(104, details.Summary.Status);
            Assert.True(details.CancelRequested);
            Assert.True(details.Summary.BytesDone < 40_000_000, "the transfer stopped before the end");
        }
        finally
        {
            world.Domino.Faults.BlobBytesPerSecond = 0;
        }
    }

    /// <summary>Waits (without reloading) for the run page's progress bar to show more than <paramref name="above"/> percent.</summary>
    private static async Task<double> PercentAboveAsync(IPage page, double above, TimeSpan within)
    {
        var value = await page.WaitForFunctionAsync("""
            (above) => {
              const bar = document.querySelector('[data-testid=run-progress] [role=progressbar]');
              const now = bar ? parseFloat(bar.getAttribute('aria-valuenow')) : NaN;
              return now > above ? now : null;
            }
            """, above, new() { Timeout = (float)within.TotalMilliseconds, PollingInterval = 100 });
        return await value.JsonValueAsync<double>();
    }
}
