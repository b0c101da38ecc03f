using System.Text;
using Amazon.S3.Model;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Files;

/// <summary>A snapshot is trusted by its objects' content (the ETags its manifest recorded), never by their sizes.</summary>
public sealed class SnapshotTrustTests(FileExportFixture fx) : IClassFixture<FileExportFixture>
{
    private static TestFile Text(string path, string text) => new(path, TestContent.FromText(text));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_same_size_corrupted_object_is_exported_again_by_the_next_run(bool keepsItsMetadata)
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Text("a.txt", "alpha"), Text("b.txt", "bravo"), Text("c.txt", "charlie"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        var request = fx.Request(user, project, name, first.NewState);
        // Same size, other bytes; with its metadata copied, it even claims to be the same blob with the same hash.
        var metadata = (await fx.S3.Client.GetObjectMetadataAsync(FileExportFixture.Bucket, request.Layout.LatestKey("b.txt"))).Metadata;
        var put = new PutObjectRequest { BucketName = FileExportFixture.Bucket, Key = request.Layout.LatestKey("b.txt"), ContentBody = "BRAVO" };
        if (keepsItsMetadata) foreach (var key in metadata.Keys) put.Metadata.Add(key, metadata[key]);
        await fx.S3.Client.PutObjectAsync(put);
        var progress = new RecordingProgress();

        var second = await fx.ExportAsync(request, progress);

        Assert.Equal(StatusCode.Completed, second.Status);
        Assert.Equal(FileOutcome.Transferred, progress.File("b.txt").Outcome);
        Assert.Equal(FileOutcome.Unchanged, progress.File("a.txt").Outcome);
        Assert.Equal(FileOutcome.Unchanged, progress.File("c.txt").Outcome);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
        var manifest = await fx.ReadManifestAsync(request.Layout.LatestManifest);
        var listed = await fx.S3.ListETagsAsync(FileExportFixture.Bucket, request.Layout.LatestPrefix);
        Assert.All(manifest!.Files, f => Assert.Equal(listed[f.Path].ETag, f.ETag));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_snapshot_with_a_changed_object_is_repaired_in_place_and_never_rotated_into_prior(bool format1Manifest)
    {
        var (user, project, name) = fx.NewProject();
        var v1 = project.Commit(Text("a.txt", "one"), Text("b.txt", "two"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        var v2 = project.Commit(Text("a.txt", "ONE"), Text("b.txt", "two"));
        var second = await fx.ExportAsync(fx.Request(user, project, name, first.NewState));
        var request = fx.Request(user, project, name, second.NewState);
        if (format1Manifest) await WriteFormat1Async(request.Layout);
        await fx.PutAsync(request.Layout.LatestKey("b.txt"), "TWO");
        var v3 = project.Commit(Text("a.txt", "1"), Text("b.txt", "two"));

        var third = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.Completed, third.Status);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, v3);
        // latest held v2 with a foreign object: not exact, so prior keeps the last exact snapshot.
        await fx.AssertSnapshotAsync(request.Layout.PriorPrefix, v1);
        _ = v2;
    }

    [Fact]
    public async Task A_format_1_manifest_is_read_and_its_objects_are_hashed_before_they_are_trusted()
    {
        var (user, project, name) = fx.NewProject();
        var v1 = project.Commit(Text("a.txt", "first a"), Text("b.txt", "first b"));
        var first = await fx.ExportAsync(fx.Request(user, project, name));
        var request = fx.Request(user, project, name, first.NewState);
        await WriteFormat1Async(request.Layout);
        var v2 = project.Commit(Text("a.txt", "second a"), Text("b.txt", "first b"));
        fx.Domino.ClearRequests();

        var second = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.Completed, second.Status);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, v2);
        await fx.AssertSnapshotAsync(request.Layout.PriorPrefix, v1); // hashed, found exact, rotated
        Assert.Equal(1, fx.BlobRequests());
        foreach (var key in new[] { request.Layout.LatestManifest, request.Layout.PriorManifest })
        {
            var manifest = await fx.ReadManifestAsync(key);
            Assert.Equal(SnapshotManifest.CurrentFormat, manifest!.Format);
            Assert.True(manifest.HasETags);
        }
    }

    [Fact]
    public async Task Exports_and_rotates_on_a_store_that_ignores_conditional_writes()
    {
        await using var ignoring = await Portal.Testbed.S3.S3Server.StartAsync([FileExportFixture.Bucket], strictSignatures: false, conditionalWrites: false);
        var target = ignoring.Target(FileExportFixture.Bucket);
        var (user, project, name) = fx.NewProject();
        var v1 = project.Commit(Text("a.txt", "one"), Text("gone.txt", "g"));
        var first = await fx.ExportAsync(fx.Request(user, project, name, target: target));
        var v2 = project.Commit(Text("a.txt", "two"));
        var request = fx.Request(user, project, name, first.NewState, target: target);

        var second = await fx.ExportAsync(request);

        Assert.Equal(StatusCode.Completed, second.Status);
        foreach (var (prefix, commit) in new[] { (request.Layout.LatestPrefix, v2), (request.Layout.PriorPrefix, v1) })
        {
            var stored = await ignoring.ReadTreeAsync(FileExportFixture.Bucket, prefix);
            Assert.Equal(commit.Files.Values.Select(f => (f.Path, f.Content.Sha256())).Order(), stored.Select(o => (o.Key, o.Value.Sha256)).Order());
        }
    }

    /// <summary>latest's manifest as a portal that recorded no ETags wrote it.</summary>
    private async Task WriteFormat1Async(ExportLayout layout)
    {
        var manifest = await fx.ReadManifestAsync(layout.LatestManifest);
        var old = manifest! with { Format = SnapshotManifest.Format1, Files = manifest.Files.Select(f => f with { ETag = null }).ToList() };
        var json = old.ToJson();
        Assert.DoesNotContain("\"etag\": \"", json, StringComparison.Ordinal);
        await fx.PutAsync(layout.LatestManifest, json);
        Assert.NotNull(SnapshotManifest.TryParse(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(json))));
    }
}
