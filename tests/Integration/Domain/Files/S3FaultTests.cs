using System.Diagnostics;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;
using Portal.Testbed.Network;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Files;

/// <summary>S3 connections that stall, are refused or are reset: retried within the file's attempts, and no upload left open.</summary>
public sealed class S3FaultTests(FileExportFixture fx) : IClassFixture<FileExportFixture>, IAsyncLifetime
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(2);
    private FaultProxy _proxy = null!;

    public Task InitializeAsync()
    {
        _proxy = FaultProxy.Start(fx.S3.Url);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private static TestFile Big(string path, int mib, int seed) => new(path, TestContent.Generated(mib * 1024L * 1024 + seed, seed));

    private ProjectFilesExporter Exporter => fx.ExporterWith(o =>
    {
        o.StallTimeout = StallTimeout;
        o.S3RequestTimeout = TimeSpan.FromSeconds(10);
        o.RetryDelay = TimeSpan.FromMilliseconds(500);
    });

    private FileExportRequest Request(DominoUser user, TestProject project, string name) =>
        fx.Request(user, project, name, target: fx.S3.Target(FileExportFixture.Bucket) with { Endpoint = _proxy.Url });

    private static bool Part(string line, int number) =>
        line.StartsWith("PUT ", StringComparison.Ordinal) && line.Contains($"partNumber={number}&", StringComparison.Ordinal);

    [Fact]
    public async Task A_stalled_S3_connection_ends_the_parts_attempt_within_the_stall_timeout_and_the_run_completes()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Big("big.bin", 12, seed: 21));
        _proxy.Stall(line => Part(line, 2));
        var request = Request(user, project, name);

        var result = await Exporter.ExportAsync(request, new RecordingProgress(), default);

        Assert.True(result.Status == StatusCode.Completed, result.Message);
        Assert.Equal(1, _proxy.Stalled);
        var tries = _proxy.Requests.Where(r => Part(r.Line, 2)).ToList();
        Assert.Equal(2, tries.Count);
        // The stalled try is given up after StallTimeout, and tried again after the retry delay (with jitter).
        Assert.InRange(tries[1].At - tries[0].At, StallTimeout, StallTimeout + TimeSpan.FromSeconds(3));
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
        Assert.Empty(await fx.OpenUploadsAsync(request.Layout.BasePrefix));
    }

    [Fact]
    public async Task Refused_connections_are_tried_again_with_back_off_and_the_run_completes_when_S3_is_back()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(new TestFile("a.txt", TestContent.FromText("a")), Big("big.bin", 6, seed: 22));
        var request = Request(user, project, name);
        _proxy.Refuse();
        var clock = Stopwatch.StartNew();
        var back = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => _proxy.Accept(), TaskScheduler.Default);

        var result = await Exporter.ExportAsync(request, new RecordingProgress(), default);
        await back;

        Assert.True(result.Status == StatusCode.Completed, result.Message);
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(1), "the run waited for S3 to come back");
        await fx.AssertSnapshotAsync(request.Layout.LatestPrefix, head);
    }

    [Fact]
    public async Task A_run_fails_with_a_clear_message_when_S3_stays_unreachable_through_the_files_attempts()
    {
        var (user, project, name) = fx.NewProject();
        project.Commit(new TestFile("a.txt", TestContent.FromText("a")));
        var request = Request(user, project, name);
        _proxy.Refuse();
        try
        {
            var result = await Exporter.ExportAsync(request, new RecordingProgress(), default);

            Assert.Equal(StatusCode.S3Error, result.Status);
            Assert.Contains("could not be reached", result.Message, StringComparison.Ordinal);
            Assert.Contains("tried 3 times", result.Message, StringComparison.Ordinal);
        }
        finally
        {
            _proxy.Accept();
        }
    }

    [Fact]
    public async Task A_download_that_stalls_is_tried_again_and_then_ends_the_run_with_a_clear_code_long_before_the_run_timeout()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Big("stuck.bin", 6, seed: 25));
        // One chunk, then (at one byte a second) nothing more for hours: a connection that stalls.
        fx.Domino.Faults.ThrottleBlob(head.Files["stuck.bin"].Content.Key, 1);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await fx.ExporterWith(o =>
            {
                o.StallTimeout = StallTimeout;
                o.MaxAttemptsPerFile = 2;
                o.RetryDelay = TimeSpan.FromMilliseconds(100);
            }).ExportAsync(Request(user, project, name), new RecordingProgress(), default);

            Assert.Equal(StatusCode.DominoAPIError, result.Status);
            Assert.Contains("failed 2 times", result.Message, StringComparison.Ordinal);
            Assert.Contains("no byte arrived from Domino ('stuck.bin') for 2 s (Exports:StallTimeout)", result.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"gave up after {clock.Elapsed}");
            Assert.Empty(await fx.OpenUploadsAsync(Request(user, project, name).Layout.BasePrefix));
        }
        finally
        {
            fx.Domino.Faults.ThrottleBlob(head.Files["stuck.bin"].Content.Key, 0);
        }
    }

    [Fact]
    public async Task A_failed_run_aborts_its_multipart_uploads_even_when_S3_refuses_the_first_abort()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Big("big.bin", 12, seed: 23));
        fx.Domino.Faults.CutBlob(head.Files["big.bin"].Content.Key, afterBytes: 7 * 1024 * 1024, times: 3);
        RefuseOnceWhenAborting();
        var request = Request(user, project, name);

        var result = await Exporter.ExportAsync(request, new RecordingProgress(), default);

        Assert.Equal(StatusCode.DominoAPIError, result.Status);
        Assert.Contains(_proxy.Requests, r => r.Line.StartsWith("DELETE ", StringComparison.Ordinal) && r.Line.Contains("uploadId=", StringComparison.Ordinal));
        Assert.Empty(await fx.OpenUploadsAsync(request.Layout.BasePrefix));
    }

    [Fact]
    public async Task A_cancelled_run_aborts_its_multipart_uploads_even_when_S3_refuses_the_first_abort()
    {
        var (user, project, name) = fx.NewProject();
        var head = project.Commit(Big("big.bin", 30, seed: 24));
        fx.Domino.Faults.ThrottleBlob(head.Files["big.bin"].Content.Key, 4 * 1024 * 1024);
        RefuseOnceWhenAborting();
        var request = Request(user, project, name);
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress();
        var run = Exporter.ExportAsync(request, progress, cancel.Token);
        while (!_proxy.Requests.Any(r => Part(r.Line, 1))) await Task.Delay(50);

        await cancel.CancelAsync();
        var result = await run;
        fx.Domino.Faults.ThrottleBlob(head.Files["big.bin"].Content.Key, 0);

        Assert.Equal(StatusCode.ExecutionCancelled, result.Status);
        Assert.Empty(await fx.OpenUploadsAsync(request.Layout.BasePrefix));
    }

    /// <summary>The first abort finds S3 down (its connection reset, new ones refused) for a second.</summary>
    private void RefuseOnceWhenAborting() =>
        _proxy.Hold(line => line.StartsWith("DELETE ", StringComparison.Ordinal) && line.Contains("uploadId=", StringComparison.Ordinal), () =>
        {
            _proxy.Refuse();
            _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => _proxy.Accept(), TaskScheduler.Default);
            return Task.CompletedTask;
        });
}
