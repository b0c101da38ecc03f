using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;
using Portal.Testbed.Network;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Files;

/// <summary>
/// A run writes to S3 only while its lease holds, and confirms its claim before a manifest, a rotation or a delete.
/// The S3 server sits behind a proxy that logs every request that reached it.
/// </summary>
public sealed class RunLeaseTests(FileExportFixture fx) : IClassFixture<FileExportFixture>, IAsyncLifetime
{
    private FaultProxy _proxy = null!;

    public Task InitializeAsync()
    {
        _proxy = FaultProxy.Start(fx.S3.Url);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private static TestFile Text(string path, string text) => new(path, TestContent.FromText(text));

    private FileExportRequest Request(DominoUser user, TestProject project, string name, IRunLease lease, FileExportState? previous = null) =>
        fx.Request(user, project, name, previous, target: fx.S3.Target(FileExportFixture.Bucket) with { Endpoint = _proxy.Url }) with { Lease = lease };

    [Fact]
    public async Task A_run_whose_lease_ends_sends_no_write_to_S3_after_it_and_writes_no_manifest()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Enumerable.Range(0, 8).Select(i => Text($"f{i}.txt", $"file {i}")));
        var lease = new TestLease();
        var endedAt = -1;
        var progress = new RecordingProgress(f =>
        {
            if (f.Outcome != FileOutcome.Transferred || !lease.Held) return;
            lease.Held = false;
            endedAt = _proxy.Requests.Count;
        });
        var request = Request(user, project, name, lease);

        var result = await fx.ExporterWith(o => o.MaxParallelTransfers = 1).ExportAsync(request, progress, default);

        Assert.Equal(StatusCode.ExecutionNotComplete, result.Status);
        Assert.Contains("claim", result.Message, StringComparison.Ordinal);
        Assert.True(endedAt > 0, "the lease ended after the first file");
        var writesAfter = _proxy.Requests.Skip(endedAt).Where(r => r.Writes && !r.Line.Contains("uploadId=", StringComparison.Ordinal));
        Assert.Empty(writesAfter);
        Assert.Null(await fx.ReadManifestAsync(request.Layout.LatestManifest));
        Assert.Single(await fx.S3.ListETagsAsync(FileExportFixture.Bucket, request.Layout.LatestPrefix));
    }

    [Fact]
    public async Task A_run_that_cannot_confirm_its_claim_writes_nothing_at_all()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("a.txt", "a"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        project.Commit(Text("a.txt", "b"));
        var request = Request(user, project, name, new TestLease(confirms: false), first.NewState);
        var before = await fx.S3.FingerprintAsync(FileExportFixture.Bucket, request.Layout.BasePrefix);
        var seen = _proxy.Requests.Count;

        var result = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.ExecutionNotComplete, result.Status);
        Assert.DoesNotContain(_proxy.Requests.Skip(seen), r => r.Writes);
        Assert.Equal(before, await fx.S3.FingerprintAsync(FileExportFixture.Bucket, request.Layout.BasePrefix));
        Assert.Equal(first.NewState, result.NewState);
    }

    [Fact]
    public async Task Confirms_its_claim_before_it_rotates_deletes_and_writes_each_manifest()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("a.txt", "a"), Text("gone.txt", "g"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        project.Commit(Text("a.txt", "b"));
        var lease = new TestLease();

        var result = await fx.ExportAsync(Request(user, project, name, lease, first.NewState));

        Assert.Equal(StatusCode.Completed, result.Status);
        // Start (before the conditional-write probe and clearing old uploads), prior's deletion, prior's manifest, latest's manifest deletion, the removed file, latest's manifest.
        Assert.Equal(6, lease.Confirmations);
    }

    [Fact]
    public async Task A_manifest_another_writer_put_in_latest_meanwhile_is_replaced_when_latest_holds_exactly_this_runs_objects()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Text("a.txt", "a"), Text("b.txt", "b"));
        var request = Request(user, project, name, new TestLease());
        _proxy.Hold(line => line.StartsWith("PUT ", StringComparison.Ordinal) && line.Contains("latest.manifest.json", StringComparison.Ordinal),
            () => fx.PutAsync(request.Layout.LatestManifest, "{\"format\": \"someone else's\"}"));

        var result = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(request.RunId, (await fx.ReadManifestAsync(request.Layout.LatestManifest))!.RunId);
        Assert.Equal(2, _proxy.Requests.Count(r => r.Line.StartsWith("PUT ", StringComparison.Ordinal) && r.Line.Contains(name + "/latest.manifest.json", StringComparison.Ordinal)));
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
    }

    [Fact]
    public async Task A_manifest_another_writer_put_in_latest_meanwhile_is_removed_when_an_object_changed_too()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("a.txt", "a"), Text("b.txt", "b"));
        var request = Request(user, project, name, new TestLease());
        _proxy.Hold(line => line.StartsWith("PUT ", StringComparison.Ordinal) && line.Contains(name + "/latest.manifest.json", StringComparison.Ordinal),
            async () =>
            {
                await fx.PutAsync(request.Layout.LatestKey("b.txt"), "B");
                await fx.PutAsync(request.Layout.LatestManifest, "{\"format\": \"someone else's\"}");
            });

        var result = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.S3VerificationFailed, result.Status);
        Assert.Contains("b.txt", result.Message, StringComparison.Ordinal);
        Assert.Null(await new Portal.Domain.S3.S3Store(fx.S3.Client, fx.S3.Target(FileExportFixture.Bucket)).ReadAsync(request.Layout.LatestManifest, default));
        Assert.Null(result.NewState.LastCommitId);
    }
}
