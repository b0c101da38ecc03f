using System.Text.RegularExpressions;
using Portal.Testbed.Domino;
using Portal.Tests.E2E.Exports;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Runs;

/// <summary>Issue 5's crash test: the portal process dies mid-run (SIGKILL) and starts again on the same data folder.</summary>
public sealed class PortalCrashTests(FilesPortal portal) : IClassFixture<FilesPortal>
{
    [Fact]
    public async Task A_run_killed_with_the_portal_is_recorded_as_102_after_a_restart_and_the_next_run_completes()
    {
        var shots = new Screenshots("crash");
        var files = Enumerable.Range(1, 12).Select(i => new TestFile($"chunks/chunk-{i:00}.bin", TestContent.Generated(2_000_000, seed: 200 + i)))
            .ToArray();
        portal.Project("long-haul", files);
        var admin = portal.Admin;
        var exportId = await admin.Api.CreateProjectExportAsync("lin", "long-haul", "long", "haul", FilesPortal.S3Target);
        var export = new ExportPage(admin.Page);
        var run = new RunPage(admin.Page);
        await export.OpenAsync(exportId);

        // Slow downloads: the run is well under way, not done, when the portal dies.
        portal.Domino.Faults.BlobBytesPerSecond = 400_000;
        var runId = await export.RunNowAsync();
        await Expect(run.FilesProgress).ToHaveTextAsync(new Regex("^([1-9]|1[01]) of 12$"), new() { Timeout = 60_000 });
        await shots.TakeAsync(admin.Page, "running-before-the-kill");

        await portal.Portal.KillAsync();
        Assert.True(portal.Portal.HasExited);
        portal.Domino.Faults.BlobBytesPerSecond = 0;
        await portal.Portal.RestartAsync();

        await run.OpenAsync(runId);
        await Expect(run.Status).ToHaveTextAsync("Failed");
        await Expect(run.Error).ToContainTextAsync("102 ExecutionNotComplete: ");
        await shots.TakeAsync(admin.Page, "interrupted-run-after-restart");
        var interrupted = await admin.Api.RunAsync(runId);
        Assert.Equal(102, interrupted.Summary.Status);
        Assert.NotNull(interrupted.Summary.EndedAt);
        Assert.InRange(interrupted.Summary.FilesDone, 1, 11);
        Assert.Contains($"Run {runId} was interrupted (the portal restarted while the run was going) and is recorded as 102", portal.Portal.Log,
            StringComparison.Ordinal);

        await export.OpenAsync(exportId);
        await export.RunNowAsync();
        await Expect(run.Heading).ToHaveTextAsync("Run #2 of long/haul");
        await Expect(run.Status).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        await shots.TakeAsync(admin.Page, "next-run-completed");
        var stored = await portal.S3.ReadTreeAsync(FilesPortal.Bucket, "projects/long/haul/latest/");
        Assert.Equal(files.Length, stored.Count);
        foreach (var file in files)
            Assert.Equal(file.Content.Sha256(), stored[file.Path].Sha256);
    }
}
