using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Runs;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Domain.Files;

/// <summary>Verify against the real S3 server: a snapshot read back and compared with its manifest.</summary>
public sealed class SnapshotCheckerTests(FileExportFixture fx) : IClassFixture<FileExportFixture>
{
    private static TestFile Text(string path, string text) => new(path, TestContent.FromText(text));

    private SnapshotChecker Checker => fx.Services.GetRequiredService<SnapshotChecker>();

    private async Task<FileExportRequest> ExportAsync(string name, params TestFile[] files)
    {
        var (user, project, exportName) = fx.NewProject(name);
        project.Commit(files);
        var request = fx.Request(user, project, exportName);
        var result = await fx.ExportAsync(request);
        Assert.True(result.Status == StatusCode.Completed, result.Message);
        return request;
    }

    private static SnapshotCheckRequest Check(FileExportRequest r) => new(r.Target, r.ExportGroupName, r.ExportProjectName);

    [Fact]
    public async Task An_exported_snapshot_matches_its_manifest_object_for_object()
    {
        var request = await ExportAsync("intact", Text("a.txt", "alpha"), Text("dir/b.txt", "beta"),
            new TestFile("big.bin", TestContent.Generated(6 * 1024 * 1024 + 1, seed: 3)));
        var progress = new RecordingProgress();

        var result = await Checker.CheckAsync(Check(request), progress, default);

        Assert.True(result.Status == StatusCode.Completed, result.Message);
        Assert.Equal(3, result.FilesChecked);
        Assert.Equal(5 + 4 + 6 * 1024 * 1024 + 1, result.BytesRead);
        Assert.Empty(result.Differences);
        Assert.All(progress.Files, f => Assert.Equal(FileOutcome.Verified, f.Outcome));
    }

    [Fact]
    public async Task Finds_an_object_overwritten_behind_the_portals_back_one_deleted_and_one_added()
    {
        var request = await ExportAsync("tampered", Text("same-size.txt", "original"), Text("gone.txt", "bye"), Text("kept.txt", "fine"));
        var layout = request.Layout;
        // Same length, other bytes: a size check alone would not see it.
        await fx.PutAsync(layout.LatestKey("same-size.txt"), "ORIGINAL");
        await fx.S3.Client.DeleteObjectAsync(FileExportFixture.Bucket, layout.LatestKey("gone.txt"));
        await fx.PutAsync(layout.LatestKey("stray.txt"), "not exported");
        var progress = new RecordingProgress();

        var result = await Checker.CheckAsync(Check(request), progress, default);

        Assert.Equal(StatusCode.S3VerificationFailed, result.Status);
        Assert.Equal(
            [("gone.txt", SnapshotFinding.Missing), ("same-size.txt", SnapshotFinding.Changed), ("stray.txt", SnapshotFinding.Extra)],
            result.Differences.Select(d => (d.Path, d.Finding)));
        var changed = result.Differences[1];
        Assert.Equal(TestContent.FromText("ORIGINAL").Sha256(), changed.StoredSha256);
        Assert.Contains("1 missing, 1 changed, 1 extra", result.Message);
        Assert.Equal(FileOutcome.Verified, progress.File("kept.txt").Outcome);
        Assert.Equal(FileOutcome.Changed, progress.File("same-size.txt").Outcome);
        Assert.Equal(FileOutcome.Missing, progress.File("gone.txt").Outcome);
        Assert.Equal(FileOutcome.Extra, progress.File("stray.txt").Outcome);
    }

    [Fact]
    public async Task A_snapshot_without_a_manifest_fails_verification_with_the_reason()
    {
        var (_, _, exportName) = fx.NewProject("never");
        var result = await Checker.CheckAsync(new SnapshotCheckRequest(fx.S3.Target(FileExportFixture.Bucket), "group", exportName),
            new RecordingProgress(), default);

        Assert.Equal(StatusCode.S3VerificationFailed, result.Status);
        Assert.Contains("has no manifest", result.Message);
    }
}
