using Microsoft.EntityFrameworkCore;
using Portal.Client.Exports;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Xunit.Abstractions;
using Portal.Contracts.Runs;
using Portal.Contracts.Exports;

namespace Portal.Tests.E2E.Fencing;

/// <summary>
/// The case that broke the product's promise (issue 18): a worker frozen mid-run past the lease, another run takes the
/// export over and completes, then the frozen worker resumes. It must write nothing: no object under the winner's
/// manifest changes, no manifest is written, its run stays 102 and the export keeps the winner's commit.
/// </summary>
public sealed class FrozenWorkerTests(FencingCluster cluster, ITestOutputHelper output) : IClassFixture<FencingCluster>
{
    private const int BigBytesPerSecond = 1024 * 1024;

    [Fact]
    public async Task A_worker_frozen_past_its_lease_writes_nothing_after_another_run_took_its_export_over_and_completed() =>
        await FreezeTakeOverAndResumeAsync("same-commit", commitBetween: false);

    [Fact]
    public async Task A_worker_frozen_past_its_lease_writes_nothing_when_the_commit_changed_between_the_two_runs() =>
        await FreezeTakeOverAndResumeAsync("new-commit", commitBetween: true);

    private async Task FreezeTakeOverAndResumeAsync(string name, bool commitBetween)
    {
        var project = cluster.Domino.AddProject(cluster.Owner, name);
        var c0 = project.Commit(Files(seed: 100));
        var exportId = await cluster.Admin.SaveExportAsync(new ExportForm
        {
            Kind = ExportKind.Project, DominoDeploymentId = cluster.DeploymentId, DominoOwnerName = cluster.Owner.UserName,
            DominoProjectName = project.Name, GroupName = FencingCluster.Group, ProjectName = name, ExportFiles = true, ExportImage = false,
            S3TargetId = cluster.S3TargetId, Schedule = "0 3 * * *", TimeZone = "UTC", Enabled = true,
        });
        var r0 = await RunToTheEndAsync(exportId);
        Assert.True(r0.Status == StatusCode.Completed, $"{r0.Status}: {r0.Message}");

        // R1 runs on worker-a (worker-b is frozen while R1 is handed out) and copies three large files slowly.
        var c1 = project.Commit(Files(seed: 200));
        foreach (var big in c1.Files.Values.Where(f => f.Path.StartsWith("big/", StringComparison.Ordinal)))
            cluster.Domino.Faults.ThrottleBlob(big.Content.Key, BigBytesPerSecond);
        cluster.WorkerB.Freeze();
        var r1 = await cluster.Admin.RunNowAsync(exportId);
        await cluster.WaitForAsync(async () => await cluster.RunAsync(r1) is { Node: "worker-a", Files.Count: >= 10 } run ? run : null,
            TimeSpan.FromSeconds(60), "R1 to copy its small files on worker-a");

        // worker-a freezes mid-upload, past its lease; the commit may move on meanwhile.
        cluster.WorkerA.Freeze();
        cluster.WorkerB.Resume();
        Log($"froze worker-a during run {r1}");
        foreach (var big in c1.Files.Values) cluster.Domino.Faults.ThrottleBlob(big.Content.Key, 0);
        var expected = commitBetween ? project.Commit(Files(seed: 300)) : c1;
        await cluster.WaitForAsync(async () => await cluster.RunAsync(r1) is { HeartbeatAt: { } beat } run
                                               && DateTimeOffset.UtcNow - beat > FencingCluster.StaleRunAfter + TimeSpan.FromSeconds(1) ? run : null,
            TimeSpan.FromSeconds(60), "R1's heartbeat to go stale");

        // R2 takes the export over on worker-b and completes.
        var r2 = await RunToTheEndAsync(exportId);
        Assert.True(r2.Status == StatusCode.Completed, r2.Message);
        Assert.Equal("worker-b", r2.Node);
        var taken = await cluster.RunAsync(r1);
        Assert.Equal(StatusCode.ExecutionNotComplete, taken.Status);
        Assert.Contains("heartbeats", taken.Message, StringComparison.Ordinal);
        var export = await cluster.ExportAsync(exportId);
        var snapshot = await SnapshotAsync(name);
        Log($"run {r2.Id} took the export over and completed; resuming worker-a");

        // worker-a resumes: it finds its claim lost and stops. Whatever it still had in flight must not reach S3.
        cluster.WorkerA.Resume();
        await cluster.WaitForAsync(() => Task.FromResult(cluster.WorkerA.Log.Contains($"Run {r1} lost its claim", StringComparison.Ordinal) ? "" : null),
            TimeSpan.FromSeconds(30), "worker-a to notice it lost its claim");
        await Task.Delay(2 * FencingCluster.S3RequestTimeout + TimeSpan.FromSeconds(2));
        Log("worker-a noticed; comparing");

        Assert.Equal(snapshot, await SnapshotAsync(name));
        var prefix = $"projects/{FencingCluster.Group}/{name}/";
        Assert.Equal(r2.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (await ManifestAsync(prefix + "latest.manifest.json"))!.RunId);
        await AssertSnapshotAsync(prefix + "latest/", expected);
        await AssertSnapshotAsync(prefix + "prior/", c0);
        var loser = await cluster.RunAsync(r1);
        Assert.Equal((taken.Status, taken.Message, taken.EndedAt, taken.Stages.Count, taken.Files.Count),
            (loser.Status, loser.Message, loser.EndedAt, loser.Stages.Count, loser.Files.Count));
        var after = await cluster.ExportAsync(exportId);
        Assert.Equal(expected.Id, after.FilesCommitId);
        Assert.Equal((export.FilesCommitId, export.ClaimGeneration, export.LastRunId, export.LastStatus, export.ActiveRunId),
            (after.FilesCommitId, after.ClaimGeneration, after.LastRunId, after.LastStatus, after.ActiveRunId));
        Assert.Empty((await cluster.S3.Client.ListMultipartUploadsAsync(new Amazon.S3.Model.ListMultipartUploadsRequest
        {
            BucketName = FencingCluster.Bucket, Prefix = prefix,
        })).MultipartUploads ?? []);
    }

    /// <summary>Ten small files and three of 6 MiB (two parts each), all different for each seed.</summary>
    private static IEnumerable<TestFile> Files(int seed) =>
        Enumerable.Range(0, 10).Select(i => new TestFile($"small/{i}.txt", TestContent.FromText($"small {i} of {seed}")))
            .Concat(Enumerable.Range(0, 3).Select(i => new TestFile($"big/{i}.bin", TestContent.Generated(6 * 1024 * 1024 + i, seed + i))));

    private async Task<Portal.Runs.Run> RunToTheEndAsync(int exportId)
    {
        var id = await cluster.Admin.RunNowAsync(exportId);
        return await cluster.WaitForAsync(async () => await cluster.RunAsync(id) is { } run && run.Status.IsFinished() ? run : null,
            TimeSpan.FromSeconds(120), $"run {id} to end");
    }

    /// <summary>Every object of the export but its logs: key, size, ETag and last-modified time.</summary>
    private async Task<List<string>> SnapshotAsync(string name) =>
        (await cluster.S3.FingerprintAsync(FencingCluster.Bucket, $"projects/{FencingCluster.Group}/{name}/"))
        .Where(o => !o.Contains("status.log", StringComparison.Ordinal)).ToList();

    private async Task<Portal.Domain.Files.SnapshotManifest?> ManifestAsync(string key)
    {
        var store = new Portal.Domain.S3.S3Store(cluster.S3.Client, cluster.S3.Target(FencingCluster.Bucket));
        return Portal.Domain.Files.SnapshotManifest.TryParse(await store.GetTextAsync(key, default));
    }

    private async Task AssertSnapshotAsync(string prefix, TestCommit commit)
    {
        var stored = await cluster.S3.ReadTreeAsync(FencingCluster.Bucket, prefix);
        Assert.Equal(commit.Files.Values.Select(f => (f.Path, f.Content.Length, f.Content.Sha256())).Order(),
            stored.Select(o => (o.Key, o.Value.ReadSize, o.Value.Sha256)).Order());
    }

    private void Log(string message) => output.WriteLine($"{cluster.Clock.Elapsed:mm\\:ss} {message}");
}
