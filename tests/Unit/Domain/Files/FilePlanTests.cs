using Portal.Domain.Domino;
using Portal.Domain.Files;
using Portal.Domain.S3;

namespace Portal.Tests.Unit.Domain.Files;

public sealed class FilePlanTests
{
    private static readonly ExportLayout Layout = new(new S3Target("b", "pre"), "g", "p");
    private static readonly string Sha = new('a', 64);

    private static SnapshotManifest Manifest(string storageClass, params ManifestFile[] files) =>
        new(SnapshotManifest.CurrentFormat, "c1", "r1", DateTimeOffset.UnixEpoch, "o/p", storageClass, files.Length, files.Sum(f => f.Size), files);

    private static Dictionary<string, long> Latest(params (string Path, long Size)[] objects) =>
        objects.ToDictionary(o => o.Path, o => o.Size, StringComparer.Ordinal);

    [Fact]
    public void Keeps_files_whose_path_key_and_size_match_the_manifest_and_downloads_the_rest()
    {
        var manifest = Manifest("STANDARD", new ManifestFile("same", 1, Sha, "k1"), new ManifestFile("changed", 1, Sha, "k2"));
        DominoFile[] files = [new("same", "k1", 1), new("changed", "k3", 2), new("added", "k4", 3)];

        var plan = FilePlan.Create(files, manifest, rotated: true, Latest(("same", 1), ("changed", 1), ("gone", 5)), Layout);

        Assert.Equal([FileStepKind.Keep, FileStepKind.Download, FileStepKind.Download], plan.Steps.Select(s => s.Kind));
        Assert.Equal(Sha, plan.Steps[0].Sha256);
        Assert.Equal(["gone"], plan.DeletedPaths);
    }

    [Fact]
    public void Copies_moved_content_from_prior_after_a_rotation()
    {
        var manifest = Manifest("STANDARD", new ManifestFile("old/name", 4, Sha, "k1"));

        var plan = FilePlan.Create([new("new/name", "k1", 4)], manifest, rotated: true, Latest(("old/name", 4)), Layout);

        Assert.Equal(new FileStep(new("new/name", "k1", 4), FileStepKind.Copy, "pre/projects/g/p/prior/old/name", Sha), plan.Steps.Single());
        Assert.Equal(["old/name"], plan.DeletedPaths);
    }

    [Fact]
    public void Without_a_rotation_copies_only_from_files_this_run_keeps()
    {
        var manifest = Manifest("STANDARD", new ManifestFile("kept", 4, Sha, "k1"), new ManifestFile("moved", 4, Sha, "k2"));
        DominoFile[] files = [new("kept", "k1", 4), new("twin-of-kept", "k1", 4), new("moved-here", "k2", 4)];

        var plan = FilePlan.Create(files, manifest, rotated: false, Latest(("kept", 4), ("moved", 4)), Layout);

        Assert.Equal([FileStepKind.Keep, FileStepKind.Copy, FileStepKind.Download], plan.Steps.Select(s => s.Kind));
        Assert.Equal("pre/projects/g/p/latest/kept", plan.Steps[1].SourceKey);
    }

    [Fact]
    public void Probes_objects_of_the_right_size_when_no_manifest_vouches_for_latest()
    {
        var plan = FilePlan.Create([new("a", "k1", 4), new("b", "k2", 4), new("c", "k3", 4)], null, rotated: false,
            Latest(("a", 4), ("b", 3)), Layout);

        Assert.Equal([FileStepKind.Probe, FileStepKind.Download, FileStepKind.Download], plan.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Rewrites_kept_files_in_place_when_the_storage_class_changes()
    {
        var layout = Layout with { Target = Layout.Target with { StorageClass = "STANDARD_IA" } };
        var manifest = Manifest("STANDARD", new ManifestFile("a", 4, Sha, "k1"));

        var plan = FilePlan.Create([new("a", "k1", 4)], manifest, rotated: false, Latest(("a", 4)), layout);

        Assert.Equal(new FileStep(new("a", "k1", 4), FileStepKind.Copy, "pre/projects/g/p/latest/a", Sha), plan.Steps.Single());
    }

    [Fact]
    public void Never_copies_out_of_or_into_an_archive_storage_class()
    {
        var layout = Layout with { Target = Layout.Target with { StorageClass = "DEEP_ARCHIVE" } };
        var manifest = Manifest("DEEP_ARCHIVE", new ManifestFile("a", 4, Sha, "k1"), new ManifestFile("old", 4, Sha, "k2"));

        var plan = FilePlan.Create([new("a", "k1", 4), new("new", "k2", 4)], manifest, rotated: true, Latest(("a", 4), ("old", 4)), layout);

        Assert.Equal([FileStepKind.Keep, FileStepKind.Download], plan.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void A_manifest_that_does_not_parse_or_is_incomplete_is_not_trusted()
    {
        var good = Manifest("STANDARD", new ManifestFile("a", 4, Sha, "k1", "etag-a"));
        ManifestFile[] withoutETag = [new("a", 4, Sha, "k1")];

        Assert.NotNull(SnapshotManifest.TryParse(good.ToJson()));
        Assert.Contains("\"etag\": \"etag-a\"", good.ToJson(), StringComparison.Ordinal);
        Assert.Null(SnapshotManifest.TryParse("{ not json"));
        Assert.Null(SnapshotManifest.TryParse(good.ToJson().Replace("\"fileCount\": 1", "\"fileCount\": 2", StringComparison.Ordinal)));
        Assert.Null(SnapshotManifest.TryParse((good with { Format = "other/1" }).ToJson()));
        // Format 2 vouches for each object by the ETag it was written with; format 1 recorded none and is still read.
        Assert.Null(SnapshotManifest.TryParse((good with { Files = withoutETag }).ToJson()));
        var old = SnapshotManifest.TryParse((good with { Format = SnapshotManifest.Format1, Files = withoutETag }).ToJson());
        Assert.False(old!.HasETags);
    }

    [Fact]
    public void The_fingerprint_changes_with_every_setting_that_shapes_the_output()
    {
        var target = new S3Target("b", "pre");
        var fingerprint = FileExportState.FingerprintOf(target, "g", "p");

        Assert.Equal(fingerprint, FileExportState.FingerprintOf(target with { Prefix = "/pre/" }, "g", "p"));
        Assert.NotEqual(fingerprint, FileExportState.FingerprintOf(target with { Bucket = "c" }, "g", "p"));
        Assert.NotEqual(fingerprint, FileExportState.FingerprintOf(target with { Prefix = "other" }, "g", "p"));
        Assert.NotEqual(fingerprint, FileExportState.FingerprintOf(target with { StorageClass = "GLACIER_IR" }, "g", "p"));
        Assert.NotEqual(fingerprint, FileExportState.FingerprintOf(target, "g2", "p"));
        Assert.NotEqual(fingerprint, FileExportState.FingerprintOf(target, "g", "p2"));
    }
}
