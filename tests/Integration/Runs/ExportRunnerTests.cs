using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Runs;
using Portal.Runs;
using Portal.Testbed.Domino;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Runs;

public sealed class ExportRunnerTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task Records_a_completed_project_export_with_its_stages_files_and_images()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host);

        var run = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.Completed, run.Status);
        Assert.Equal(StatusCode.Completed, run.FilesStatus);
        Assert.Equal(StatusCode.Completed, run.ImageStatus);
        Assert.Equal(1, run.Number);
        Assert.Equal(RunTrigger.Manual, run.Trigger);
        Assert.NotNull(run.EndedAt);
        Assert.Equal(scenario.Project.Head!.Id, run.CommitId);
        var stages = run.Stages.Select(s => s.Code).ToList();
        Assert.Contains(StatusCode.ProjectFileTansferToS3Ended, stages);
        Assert.Contains(StatusCode.DockerExportImagePushEnded, stages);
        Assert.Equal(StatusCode.Completed, stages[^1]);
        Assert.Equal(["README.md", "data/rows.csv", "deep/a/b/empty.txt"], run.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(run.Files, f => Assert.Equal(FileOutcome.Transferred, f.Outcome));
        Assert.Equal(3, run.FilesDone);
        Assert.Equal(300_000 + scenario.Project.Head.Files["README.md"].Content.Length, run.BytesDone);

        // The files really are in S3, byte for byte.
        var stored = await Fixture.S3.ReadTreeAsync(PortalExportsFixture.Bucket, scenario.S3Prefix + "latest/");
        foreach (var file in scenario.Project.Head.Files.Values)
            Assert.Equal(file.Content.Sha256(), stored[file.Path].Sha256);

        // Both tags are in the registry, with the digests the run recorded.
        Assert.Equal(2, run.Images.Count);
        foreach (var image in run.Images)
        {
            var tag = image.Reference[(image.Reference.LastIndexOf(':') + 1)..];
            var manifest = await Fixture.Target.GetManifestAsync($"{scenario.Group}/{scenario.Name}", tag);
            Assert.Equal(manifest.Digest, image.Digest);
        }

        var export = await Host.ExportRecordAsync(scenario.ExportId);
        Assert.Equal(run.Id, export.LastRunId);
        Assert.Equal(StatusCode.Completed, export.LastStatus);
        Assert.Null(export.ActiveRunId);
        Assert.Equal(run.CommitId, export.FilesCommitId);
        Assert.Equal(1, export.ImageRevision);
        Assert.Equal($"s3://{PortalExportsFixture.Bucket}/{scenario.S3Prefix}latest", export.FilesLocation);
    }

    [Fact]
    public async Task Skips_an_unchanged_export_and_writes_the_sync_log_with_every_outcome()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host);
        await scenario.RunNowAsync();

        var second = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.Skipped, second.Status);
        Assert.Equal(StatusCode.Skipped, second.FilesStatus);
        Assert.Equal(StatusCode.Skipped, second.ImageStatus);
        Assert.Equal(2, second.Number);
        var log = Encoding.UTF8.GetString(await ReadAsync($"{scenario.S3Prefix}sync-status.log"));
        Assert.StartsWith("[\n{\"timestamp\": \"", log, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"success\"", log, StringComparison.Ordinal);
        var exportsLog = Encoding.UTF8.GetString(await ReadAsync("exports-status.log"));
        var export = await Host.ExportRecordAsync(scenario.ExportId);
        Assert.Contains($"\"export_id\": \"{export.ExportKey}\"", exportsLog, StringComparison.Ordinal);
        var stats = await Host.DbAsync(db => db.RunDailyStats.Where(s => s.OwnerId == scenario.User.Id).ToListAsync());
        Assert.Equal(1, stats.Single(s => s.Outcome == RunOutcome.Succeeded).Runs);
        Assert.Equal(1, stats.Single(s => s.Outcome == RunOutcome.Skipped).Runs);
    }

    [Fact]
    public async Task Records_a_failed_run_in_the_sync_log_with_its_code_and_message()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        await scenario.RunNowAsync();
        var vanished = scenario.Project.Change(upsert: [new TestFile("new.bin", TestContent.Generated(1000, seed: 77))]);
        scenario.Project.VanishBlob(vanished.Files["new.bin"].Content.Key);

        var failed = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.DominoFileNotFound, failed.Status);
        Assert.Contains("new.bin", failed.Message, StringComparison.Ordinal);
        Assert.Null(failed.ImageStatus);
        var log = Encoding.UTF8.GetString(await ReadAsync($"{scenario.S3Prefix}sync-status.log"));
        Assert.Contains("\"status\": \"error\", \"error_code\": 121", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_while_the_export_runs_is_recorded_as_101_and_returns_at_once()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false,
            content: [new TestFile("slow.bin", TestContent.Generated(4_000_000, seed: 5))]);
        // Slow enough that the first run is still going whenever the second start returns; released below.
        Fixture.Domino.Faults.BlobBytesPerSecond = 100_000;
        try
        {
            var first = await scenario.QueueRunAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var running = Host.RunAsync(first, stop.Token);
            await Poll.UntilAsync(async () => (await Host.RunRecordAsync(first)).Stages.Any(st => st.Code == StatusCode.ProjectFileTansferToS3Started), 
                "the run to reach its transfer", TimeSpan.FromSeconds(30));

            Assert.Equal(StatusCode.ProjectFileTansferToS3Started, (await Host.RunRecordAsync(first)).FilesStatus);
            var second = await scenario.QueueRunAsync();
            await Host.RunAsync(second);

            Assert.False(running.IsCompleted, "the second start returned while the first still ran");
            var refused = await Host.RunRecordAsync(second);
            Assert.Equal(StatusCode.ExecutionScheduleTimeout, refused.Status);
            Assert.Matches(@"already running \(run #1, since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC on test-node\)", refused.Message);
            Assert.Equal(first, (await Host.ExportRecordAsync(scenario.ExportId)).ActiveRunId);

            Fixture.Domino.Faults.BlobBytesPerSecond = 0;
            await running;
            Assert.Equal(StatusCode.Completed, (await Host.RunRecordAsync(first)).Status);
        }
        finally
        {
            Fixture.Domino.Faults.BlobBytesPerSecond = 0;
        }
    }

    [Fact]
    public async Task A_cancel_request_stops_the_run_as_104()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false,
            content: [new TestFile("slow.bin", TestContent.Generated(20_000_000, seed: 6))]);
        Fixture.Domino.Faults.BlobBytesPerSecond = 500_000;
        try
        {
            var runId = await scenario.QueueRunAsync();
            var running = Host.RunAsync(runId);
            await Poll.UntilAsync(async () => (await Host.RunRecordAsync(runId)).Stages.Any(st => st.Code == StatusCode.ProjectFileTansferToS3Started), 
                "the run to reach its transfer", TimeSpan.FromSeconds(30));

            var cancelled = await Host.WithAsync<RunService, Contracts.Shared.SaveResult>(s => s.CancelAsync(scenario.User, runId, default));
            Assert.True(cancelled.Succeeded);
            await running;

            var run = await Host.RunRecordAsync(runId);
            Assert.Equal(StatusCode.ExecutionCancelled, run.Status);
            Assert.Null((await Host.ExportRecordAsync(scenario.ExportId)).ActiveRunId);
        }
        finally
        {
            Fixture.Domino.Faults.BlobBytesPerSecond = 0;
        }
    }

    [Fact]
    public async Task A_run_past_the_timeout_is_cancelled_and_recorded_as_103()
    {
        await using var host = await ExportsHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Exports:RunTimeout"] = "00:00:02" });
        var scenario = await RunScenario.CreateAsync(Fixture, host, image: false,
            content: [new TestFile("slow.bin", TestContent.Generated(20_000_000, seed: 8))]);
        Fixture.Domino.Faults.BlobBytesPerSecond = 500_000;
        try
        {
            var run = await scenario.RunNowAsync();

            Assert.Equal(StatusCode.ExecutionRunTimeout, run.Status);
            Assert.Contains("timeout", run.Message, StringComparison.Ordinal);
            Assert.Equal(0, run.FilesDone); // stopped in the middle of its one file, which takes 40 s at this speed
        }
        finally
        {
            Fixture.Domino.Faults.BlobBytesPerSecond = 0;
        }
    }

    [Fact]
    public async Task A_run_without_the_owners_Domino_key_fails_with_132_and_says_what_to_do()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host);
        await Host.DbAsync(db => db.DominoApiKeys.Where(k => k.UserId == scenario.User.Id).ExecuteDeleteAsync());

        var run = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.APIUnauthorized, run.Status);
        Assert.Contains("profile page", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_bucket_fails_the_run_with_141()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false, bucket: "no-such-bucket");

        var run = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.S3BucketNotFound, run.Status);
        Assert.False(string.IsNullOrWhiteSpace(run.Message));
    }

    [Fact]
    public async Task A_run_handed_out_twice_runs_once()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var runId = await scenario.QueueRunAsync();

        await Task.WhenAll(Host.RunAsync(runId), Host.RunAsync(runId));

        var run = await Host.RunRecordAsync(runId);
        Assert.Equal(StatusCode.Completed, run.Status);
        Assert.Equal(1, await Host.DbAsync(db => db.Runs.CountAsync(r => r.ExportId == scenario.ExportId)));
        Assert.Single(run.Stages, s => s.Code == StatusCode.ProjectFileExportInitiated);
    }

    private async Task<byte[]> ReadAsync(string key)
    {
        using var response = await Fixture.S3.Client.GetObjectAsync(PortalExportsFixture.Bucket, key);
        using var memory = new MemoryStream();
        await response.ResponseStream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
