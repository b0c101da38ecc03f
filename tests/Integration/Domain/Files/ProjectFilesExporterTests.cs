using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Files;

public sealed class ProjectFilesExporterTests(FileExportFixture fx) : IClassFixture<FileExportFixture>
{
    private static TestFile Text(string path, string text) => new(path, TestContent.FromText(text));

    [Fact]
    public async Task Exports_every_file_of_the_head_commit_and_writes_the_manifest_last()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("old.txt", "an older commit"));
        var head = project.Commit(Text("README.md", "# hello"), Text("src/main.py", "print(1)\n"),
            new TestFile("data/big.bin", TestContent.Generated(12 * 1024 * 1024 + 3, seed: 1)), Text("empty", ""));
        var progress = new RecordingProgress();
        var request = fx.Request(user, project, name);

        var result = await fx.ExportAsync(request, progress);

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(head.Id, result.CommitId);
        Assert.Equal(new FileExportCounts(4, 4, 0, 0, 0, 12 * 1024 * 1024 + 3 + 7 + 9, 12 * 1024 * 1024 + 3 + 7 + 9), result.Counts);
        Assert.Equal($"s3://{FileExportFixture.Bucket}/projects/group/{name}/latest", result.LatestLocation);
        Assert.Equal($"s3://{FileExportFixture.Bucket}/projects/group/{name}/prior", result.PriorLocation);
        Assert.Equal(new FileExportState(head.Id, FileExportState.FingerprintOf(request.Target, "group", name)), result.NewState);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
        Assert.Equal([StatusCode.ProjectFileExportInitiated, StatusCode.ProjectFileTansferToS3Started, StatusCode.ProjectFileTansferToS3Ended],
            progress.Stages);
        Assert.All(progress.Files, f => Assert.Equal(FileOutcome.Transferred, f.Outcome));
        Assert.Equal(head.Files["data/big.bin"].Content.Sha256(), progress.File("data/big.bin").Sha256);
        Assert.Equal((4, 12 * 1024 * 1024 + 3 + 7 + 9), progress.LastTotals);

        var manifest = await fx.ReadManifestAsync(request.Layout.LatestManifest);
        Assert.NotNull(manifest);
        Assert.Equal(head.Id, manifest.CommitId);
        Assert.Equal(request.RunId, manifest.RunId);
        Assert.Equal(head.Files.Values.Select(f => (f.Path, f.Content.Length, f.Content.Sha256(), f.Content.Key)).Order(),
            manifest.Files.Select(f => (f.Path, f.Size, f.Sha256, f.Key)).Order());
    }

    [Fact]
    public async Task Resolves_the_project_once_per_run_rather_than_once_per_file()
    {
        var (user, project, name) = fx.NewProject("once");
        project.Commit(Enumerable.Range(0, 20).Select(i => Text($"f{i}.txt", $"file {i}")));
        var before = fx.Domino.Requests.Count(r => r.RawTarget.StartsWith("/v4/gateway/projects/findProjectByOwnerAndName?ownerName=" + user.UserName + "&", StringComparison.Ordinal));

        var result = await fx.ExportAsync(fx.Request(user, project, name));

        Assert.Equal(StatusCode.Completed, result.Status);
        var after = fx.Domino.Requests.Count(r => r.RawTarget.StartsWith("/v4/gateway/projects/findProjectByOwnerAndName?ownerName=" + user.UserName + "&", StringComparison.Ordinal));
        Assert.Equal(1, after - before);
    }

    [Fact]
    public async Task Skips_an_unchanged_commit_without_writing_to_S3()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("a.txt", "a"), Text("b/c.txt", "c"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        var request = fx.Request(user, project, name, first.NewState);
        var before = await fx.S3.FingerprintAsync(FileExportFixture.Bucket, request.Layout.BasePrefix);
        var blobsBefore = fx.BlobRequests();
        var progress = new RecordingProgress();

        var second = await fx.ExportAsync(request, progress);

        Assert.Equal(StatusCode.Skipped, second.Status);
        Assert.Equal(first.NewState, second.NewState);
        Assert.Empty(progress.Stages);
        Assert.Equal(before, await fx.S3.FingerprintAsync(FileExportFixture.Bucket, request.Layout.BasePrefix));
        Assert.Equal(blobsBefore, fx.BlobRequests());
    }

    [Fact]
    public async Task Exports_an_unchanged_commit_again_when_forced()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Text("a.txt", "a"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));

        var forced = await fx.ExportAsync(fx.Request(user, project, name, first.NewState, force: true));

        Assert.Equal(StatusCode.Completed, forced.Status);
        Assert.Equal(1, forced.Counts.FilesUnchanged); // nothing to download: the manifest vouches for it
        await fx.AssertSnapshotAsync(fx.Request(user, project, name).Layout.LatestPrefix, head);
    }

    [Fact]
    public async Task Skips_a_project_without_commits()
    {
        var (user, project, name) = fx.NewProject();

        var result = await fx.ExportAsync(fx.Request(user, project, name));

        Assert.Equal(StatusCode.Skipped, result.Status);
        Assert.Null(result.CommitId);
        Assert.Contains("no commits", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_again_to_the_new_place_when_the_prefix_changes()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Text("a.txt", "a"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        var moved = fx.Request(user, project, name, first.NewState, target: fx.S3.Target(FileExportFixture.Bucket, prefix: "/archive/"));

        var second = await fx.ExportAsync(moved);

        Assert.Equal(StatusCode.Completed, second.Status);
        Assert.Equal($"s3://{FileExportFixture.Bucket}/archive/projects/group/{name}/latest", second.LatestLocation);
        Assert.NotEqual(first.NewState.Fingerprint, second.NewState.Fingerprint);
        await fx.AssertSnapshotAsync($"archive/projects/group/{name}/latest/", head);
    }

    [Fact]
    public async Task Rewrites_the_snapshot_server_side_when_the_storage_class_changes()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Text("a.txt", "a"), Text("b.txt", "b"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        var blobs = fx.BlobRequests();
        var request = fx.Request(user, project, name, first.NewState,
            target: fx.S3.Target(FileExportFixture.Bucket, storageClass: "STANDARD_IA"));

        var second = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.Completed, second.Status);
        Assert.Equal(2, second.Counts.FilesUnchanged);
        Assert.Equal(blobs, fx.BlobRequests());
        var head2 = await fx.S3.Client.GetObjectMetadataAsync(FileExportFixture.Bucket, request.Layout.LatestKey("a.txt"));
        Assert.Equal("STANDARD_IA", head2.StorageClass?.Value);
        Assert.Equal("STANDARD_IA", (await fx.ReadManifestAsync(request.Layout.LatestManifest))!.StorageClass);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
    }

    [Fact]
    public async Task Downloads_only_changed_and_added_files_deletes_removed_ones_and_rotates_the_old_snapshot_to_prior()
    {
        var (user, project, name) = fx.NewProject();
        var v1 = project.Commit(Text("same.txt", "same"), Text("changed.txt", "v1"), Text("removed.txt", "bye"),
            Text("dir/renamed-from.txt", "moving content"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        var v2 = project.Change(
            upsert: [Text("changed.txt", "v2"), Text("added/new.txt", "new"), Text("renamed-to.txt", "moving content")],
            delete: ["removed.txt", "dir/renamed-from.txt"]);
        fx.Domino.ClearRequests();
        var progress = new RecordingProgress();
        var request = fx.Request(user, project, name, first.NewState);

        var second = await fx.ExportAsync(request, progress);

        Assert.Equal(StatusCode.Completed, second.Status);
        Assert.Equal(new FileExportCounts(4, 2, 2, 2, 0, 4 + 2 + 3 + 14, 2 + 3), second.Counts);
        var downloaded = fx.Domino.Requests.Where(r => r.RawTarget.Contains("/blobs/", StringComparison.Ordinal)).Select(r => r.RawTarget.Split('/')[^1]).Order();
        Assert.Equal(new[] { v2.Files["changed.txt"].Content.Key, v2.Files["added/new.txt"].Content.Key }.Order(), downloaded);
        Assert.Equal(FileOutcome.Unchanged, progress.File("same.txt").Outcome);
        Assert.Equal(FileOutcome.Unchanged, progress.File("renamed-to.txt").Outcome); // copied server-side
        Assert.Equal(FileOutcome.Deleted, progress.File("removed.txt").Outcome);
        Assert.Equal(
            [StatusCode.ProjectFileExportInitiated, StatusCode.ProjectFileDeletePriorStarted, StatusCode.ProjectFileDeletePriorEnded,
             StatusCode.ProjectFileMoveLatestToPriorStarted, StatusCode.ProjectFileMoveLatestToPriorEnded,
             StatusCode.ProjectFileTansferToS3Started, StatusCode.ProjectFileTansferToS3Ended],
            progress.Stages);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, v2);
        await fx.AssertSnapshotAsync(request.Layout.PriorPrefix, v1);
        Assert.Equal(v1.Id, (await fx.ReadManifestAsync(request.Layout.PriorManifest))!.CommitId);
        Assert.Equal(v2.Id, (await fx.ReadManifestAsync(request.Layout.LatestManifest))!.CommitId);
    }

    [Fact]
    public async Task A_second_rotation_replaces_prior_with_the_previous_snapshot()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("one.txt", "1"));
        var r1 = await fx.ExportAsync(fx.Request(user, project, name));
        var v2 = project.Commit(Text("two.txt", "2"));
        var r2 = await fx.ExportAsync(fx.Request(user, project, name, r1.NewState));
        var v3 = project.Commit(Text("three.txt", "3"));
        var request = fx.Request(user, project, name, r2.NewState);

        var r3 = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.Completed, r3.Status);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, v3);
        await fx.AssertSnapshotAsync(request.Layout.PriorPrefix, v2);
    }

    [Fact]
    public async Task Round_trips_odd_file_names_exactly()
    {
        var (user, project, name) = fx.NewProject("odd names");
        string[] paths =
        [
            "with space.txt", "ünïcödé/日本語.md", "plus+sign.csv", "percent%20literal.txt", "hash#tag.txt", "question?.txt",
            "a/b/c/d/e/f/g/h/i/j/deep.txt", "emoji 🚀.txt", "semi;colon&amp=eq.txt", "quote'single\".txt", "tilde~.txt",
        ];
        var head = project.Commit(paths.Select((p, i) => Text(p, $"content of {i}")).Append(Text("zero bytes", "")));
        var request = fx.Request(user, project, name);

        var result = await fx.ExportAsync(request);

        Assert.True(result.Status == StatusCode.Completed, result.Message);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
        var manifest = await fx.ReadManifestAsync(request.Layout.LatestManifest);
        Assert.Equal(head.Files.Keys.Order(StringComparer.Ordinal), manifest!.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Rotates_names_holding_literal_escapes_to_prior_and_copies_them_server_side()
    {
        // Server-side copies name their source in x-amz-copy-source, URL-encoded: a key that holds an escape
        // ("%20") must not be decoded twice on the way, or the copy reads another key (or none).
        var (user, project, name) = fx.NewProject("escapes");
        string[] paths = ["percent%20literal.txt", "slash%2Fliteral/x.txt", "plus+sign.csv", "hash#tag.txt", "mixed %2F+#%25 all.txt"];
        var v1 = project.Commit(paths.Select((p, i) => Text(p, $"content of {i}")));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        Assert.True(first.Status == StatusCode.Completed, first.Message);
        // v2 renames each file (same blob, new path: a copy from prior/) and changes one.
        var v2 = project.Change(
            upsert: paths.Select((p, i) => Text("renamed/" + p, $"content of {i}")).Append(Text("plus+sign.csv", "changed")),
            delete: paths.Where(p => p != "plus+sign.csv"));
        fx.Domino.ClearRequests();
        var request = fx.Request(user, project, name, first.NewState);

        var second = await fx.ExportAsync(request);

        Assert.True(second.Status == StatusCode.Completed, second.Message);
        Assert.Equal(1, fx.BlobRequests()); // only the changed file came from Domino; the renamed ones were copied
        await fx.AssertSnapshotAsync(request.Layout.PriorPrefix, v1);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, v2);
        Assert.Equal(v1.Files.Keys.Order(StringComparer.Ordinal),
            (await fx.ReadManifestAsync(request.Layout.PriorManifest))!.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Rejects_invalid_export_names_and_a_missing_key_before_calling_anyone()
    {
        var (user, project, name) = fx.NewProject();
        var requests = fx.Domino.Requests.Count;

        var badGroup = await fx.ExportAsync(fx.Request(user, project, name) with { ExportGroupName = "Bad Group" });
        var badProject = await fx.ExportAsync(fx.Request(user, project, name) with { ExportProjectName = "-x-" });
        var noKey = await fx.ExportAsync(fx.Request(user, project, name) with { ApiKey = "" });

        Assert.Equal(StatusCode.APIInvalidExportGroupName, badGroup.Status);
        Assert.Equal(StatusCode.APIInvalidExportProjectName, badProject.Status);
        Assert.Equal(StatusCode.APIUnauthorized, noKey.Status);
        Assert.Equal(requests, fx.Domino.Requests.Count);
    }

    [Fact]
    public async Task An_unexpected_exception_ends_the_run_with_199_and_its_type()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("a", "a"));

        var result = await fx.ExportAsync(fx.Request(user, project, name), new ThrowingProgress());

        Assert.Equal(StatusCode.UnknownError, result.Status);
        Assert.Equal("An unexpected error has occurred: InvalidOperationException", result.Message);
        Assert.Equal("InvalidOperationException", result.ExceptionType);
        Assert.Contains("progress store is down", result.ExceptionDetails, StringComparison.Ordinal);
    }

    private sealed class ThrowingProgress : IExportProgress
    {
        public ValueTask StageAsync(StatusCode stage, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("progress store is down");
        public void Totals(int items, long bytes) { }
        public void Transferred(long bytes) { }
        public ValueTask FileAsync(FileRecord file, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Rejects_an_unknown_storage_class_before_touching_anything()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(Text("a", "a"));

        var result = await fx.ExportAsync(fx.Request(user, project, name, target: fx.S3.Target(FileExportFixture.Bucket, storageClass: "COLD")));

        Assert.Equal(StatusCode.S3Error, result.Status);
        Assert.Contains("'COLD' is not an S3 storage class", result.Message, StringComparison.Ordinal);
    }
}
