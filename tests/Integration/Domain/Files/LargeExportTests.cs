using System.Diagnostics;
using Portal.Testbed.Domino;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Files;

public sealed class LargeExportTests(FileExportFixture fx, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FileExportFixture>
{
    [Fact]
    public async Task Exports_a_1_GiB_file_in_parts_and_stores_every_byte()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(new TestFile("models/weights.bin", TestContent.Generated(1L << 30, seed: 42)));
        var request = fx.Request(user, project, name);
        var progress = new RecordingProgress();
        var memoryBefore = Process.GetCurrentProcess().PeakWorkingSet64;

        // The S3 test server answers the completion only once it has joined the 205 parts on disk: on a loaded CI machine
        // that once took more than 30 s, and may take more than the default minute (AWS answers at once and keeps the
        // connection alive).
        using var exporter = fx.ExporterWith(o => o.S3RequestTimeout = TimeSpan.FromMinutes(5));

        var clock = Stopwatch.StartNew();
        var result = await exporter.ExportAsync(request, progress, default);
        output.WriteLine($"export {clock.Elapsed}");

        Assert.True(result.Status == StatusCode.Completed, result.Message);
        Assert.Equal(1L << 30, result.Counts.BytesTransferred);
        Assert.Equal(1L << 30, progress.TransferredBytes);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
        Assert.Equal(head.Files["models/weights.bin"].Content.Sha256(), progress.File("models/weights.bin").Sha256);
        // Streamed, not buffered: the process grew by far less than the file (parts are 5 MiB here).
        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 - memoryBefore < 768L << 20,
            $"peak working set grew by {(Process.GetCurrentProcess().PeakWorkingSet64 - memoryBefore) >> 20} MiB");
    }

    [Fact]
    public async Task Exports_5000_small_files_and_then_only_the_one_that_changed()
    {
        var (user, project, name) = fx.NewProject();
        var v1 = project.Commit(Enumerable.Range(0, 5000).Select(i =>
            new TestFile($"data/{i % 50:00}/file-{i:0000}.csv", TestContent.Generated(100 + i % 900, seed: i))));
        var request = fx.Request(user, project, name);

        var clock = Stopwatch.StartNew();
        var first = await fx.ExportAsync(request);
        output.WriteLine($"first export {clock.Elapsed}");

        Assert.True(first.Status == StatusCode.Completed, first.Message + string.Join("\n", fx.S3.Errors));
        Assert.Equal(5000, first.Counts.FilesTransferred);
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, v1);
        output.WriteLine($"read back {clock.Elapsed}");

        var v2 = project.Change(upsert: [new TestFile("data/07/file-0007.csv", TestContent.FromText("changed"))]);
        fx.Domino.ClearRequests();
        var second = await fx.ExportAsync(fx.Request(user, project, name, first.NewState));
        output.WriteLine($"second export {clock.Elapsed} {second.RotationDuration} {second.TransferDuration}");

        Assert.True(second.Status == StatusCode.Completed, second.Message);
        Assert.Equal((1, 4999), (second.Counts.FilesTransferred, second.Counts.FilesUnchanged));
        Assert.Equal(1, fx.BlobRequests());
        await fx.AssertSnapshotByETagAsync(request.Layout.LatestPrefix, v2);
        await fx.AssertSnapshotByETagAsync(request.Layout.PriorPrefix, v1);
        output.WriteLine($"checked {clock.Elapsed}");
    }
}
