using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Runs;
using Portal.Testbed.Domino;
using Portal.Testbed.Network;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Runs;

/// <summary>A run that lost its claim writes nothing more; archiving an export cleans up after its runs.</summary>
public sealed class RunFencingTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_run_whose_export_was_taken_over_stops_at_its_next_heartbeat_and_leaves_its_record_and_export_as_the_taker_wrote_them()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false,
            content: [new TestFile("slow.bin", TestContent.Generated(6_000_000, seed: 31)), new TestFile("a.txt", TestContent.FromText("a"))]);
        Fixture.Domino.Faults.BlobBytesPerSecond = 500_000;
        try
        {
            var first = await scenario.QueueRunAsync();
            var running = Host.RunAsync(first);
            await Poll.UntilAsync(async () => (await Host.RunRecordAsync(first)).Stages.Any(s => s.Code == StatusCode.ProjectFileTansferToS3Started),
                "the run to reach its transfer");

            // What another node does when this run's heartbeat went stale (a frozen process): record it as 102, take the export.
            var second = await scenario.QueueRunAsync();
            await Host.WithAsync<RunStore, bool>(s => s.MarkInterruptedAsync(first, "its node stopped sending heartbeats", default));
            var taken = await Host.WithAsync<RunStore, RunClaimResult>(s => s.ClaimAsync(second, scenario.ExportId, "other-node", TimeSpan.FromMinutes(2), default));
            var takenOver = await Host.RunRecordAsync(first);
            await running.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(ClaimOutcome.Claimed, taken.Outcome);
            var loser = await Host.RunRecordAsync(first);
            Assert.Equal(StatusCode.ExecutionNotComplete, loser.Status);
            Assert.Equal(takenOver.Message, loser.Message);
            Assert.Equal(takenOver.EndedAt, loser.EndedAt);
            Assert.Equal(takenOver.Stages.Count, loser.Stages.Count);
            Assert.Equal(StatusCode.ExecutionNotComplete, loser.Stages.OrderBy(s => s.Id).Last().Code);
            var export = await Host.ExportRecordAsync(scenario.ExportId);
            Assert.Equal(second, export.ActiveRunId);
            Assert.Equal(taken.Generation, export.ClaimGeneration);
            Assert.Null(export.FilesCommitId);
            Assert.Equal(StatusCode.ExecutionNotComplete, export.LastStatus);
            Assert.False(await ExistsAsync($"{scenario.S3Prefix}latest.manifest.json"));
            Assert.Contains(Host.Logs.Entries, e => e.Message.Contains($"Run {first} lost its claim", StringComparison.Ordinal));
        }
        finally
        {
            Fixture.Domino.Faults.BlobBytesPerSecond = 0;
        }
    }

    [Fact]
    public async Task Archiving_an_export_aborts_the_multipart_upload_a_run_left_when_S3_went_down()
    {
        await using var proxy = FaultProxy.Start(Fixture.S3.Url);
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false, s3Endpoint: proxy.Url,
            content: [new TestFile("big.bin", TestContent.Generated(24 * 1024 * 1024, seed: 32))]);
        Fixture.Domino.Faults.BlobBytesPerSecond = 4 * 1024 * 1024;
        try
        {
            var runId = await scenario.QueueRunAsync();
            var running = Host.RunAsync(runId);
            await Poll.UntilAsync(() => Task.FromResult(proxy.Requests.Any(r => r.Line.Contains("partNumber=1&", StringComparison.Ordinal))),
                "the first part to go up");
            // S3 goes down mid-upload: the run fails after its tries, and its abort cannot reach S3 however often it tries.
            proxy.Refuse();
            await running.WaitAsync(TimeSpan.FromSeconds(30));
            proxy.Accept();
            var failed = await Host.RunRecordAsync(runId);
            Assert.Equal(StatusCode.S3Error, failed.Status);
            Assert.Contains("could not be reached", failed.Message, StringComparison.Ordinal);
            Assert.Single(await OpenUploadsAsync(scenario.S3Prefix));

            var archived = await Host.WithAsync<ExportActions, Contracts.Shared.SaveResult>(s => s.ArchiveAsync(scenario.User, scenario.ExportId, default));
            var queued = Host.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000);
            var aborted = await Host.WithAsync<UploadCleanupJob, int?>(j => j.AbortUploadsAsync(scenario.ExportId, default));

            Assert.True(archived.Succeeded);
            Assert.Contains(queued, j => j.Value.Job.Type == typeof(UploadCleanupJob) && (int)j.Value.Job.Args[0] == scenario.ExportId);
            Assert.Equal(1, aborted);
            Assert.Empty(await OpenUploadsAsync(scenario.S3Prefix));
        }
        finally
        {
            Fixture.Domino.Faults.BlobBytesPerSecond = 0;
        }
    }

    private async Task<bool> ExistsAsync(string key) =>
        (await Fixture.S3.Client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = PortalExportsFixture.Bucket, Prefix = key }))
        .S3Objects?.Any(o => o.Key == key) == true;

    private async Task<List<string>> OpenUploadsAsync(string prefix) =>
        ((await Fixture.S3.Client.ListMultipartUploadsAsync(new Amazon.S3.Model.ListMultipartUploadsRequest
        {
            BucketName = PortalExportsFixture.Bucket, Prefix = prefix,
        })).MultipartUploads ?? []).Select(u => u.Key).ToList();
}
