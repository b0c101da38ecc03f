using System.Net;
using Portal.Client.Connections;
using Portal.Client.Exports;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Portal.Testbed.S3;
using Portal.Tests.E2E.Scale;
using Xunit.Abstractions;
using Portal.Contracts.Runs;
using Portal.Contracts.Exports;
using Portal.Contracts.Connections;

namespace Portal.Tests.E2E.Fencing;

/// <summary>
/// The portal on SQLite whose disk fills up mid-run (a small tmpfs holds <c>Portal:DataPath</c>): readiness says so at
/// once, and the run's true ending is recorded as soon as there is room again — it is not left "running". Mounting needs
/// root (CI runs as root); elsewhere the test is skipped and says why.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Bucket = "full-disk";
    private string? _mount;
    private string? _unavailable;
    private S3Server? _s3;
    private DominoDouble? _domino;
    private PortalProcess? _portal;

    public async Task InitializeAsync()
    {
        _mount = Directory.CreateTempSubdirectory("portal-disk-").FullName;
        try
        {
            await ChildProcess.RunAsync("mount", ["-t", "tmpfs", "-o", "size=24m", "tmpfs", _mount], TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            _unavailable = $"A small filesystem could not be mounted for the full disk (mount -t tmpfs needs root): {e.Message}";
            return;
        }
        _s3 = await S3Server.StartAsync(Bucket);
        _domino = await DominoDouble.StartAsync();
        _portal = await PortalProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:DataPath"] = Path.Combine(_mount, "data"),
            ["Portal:AdminEmail"] = "admin@example.com",
            ["Exports:StaleRunAfter"] = "00:00:20",
            ["Exports:S3RequestTimeout"] = "00:00:04",
            ["Exports:ProgressInterval"] = "00:00:01",
            ["Exports:PartSize"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    [SkippableFact]
    public async Task A_full_disk_makes_the_node_unready_and_the_run_ends_truthfully_once_there_is_room_again()
    {
        Skip.If(_unavailable is not null, _unavailable);
        using var admin = await PortalHttp.RegisterAsync(_portal!.BaseAddress, "admin@example.com", "Portal-Test-1");
        var owner = _domino!.AddUser("owner");
        var deployment = await admin.SaveDominoAsync(new DominoDeploymentForm { Name = "Domino", ApiUrl = _domino.Url.ToString() });
        var target = await admin.SaveS3TargetAsync(new S3TargetForm
        {
            Name = "S3", Bucket = Bucket, EndpointUrl = _s3!.Url.ToString(), AccessKeyId = S3Server.Credentials.AccessKey,
            SecretAccessKey = S3Server.Credentials.SecretKey,
        });
        await admin.SaveDominoKeyAsync(deployment, owner.ApiKey);
        var project = _domino.AddProject(owner, "full");
        var head = project.Commit(Enumerable.Range(0, 300).Select(i => new TestFile($"small/{i:000}.txt", TestContent.FromText($"small file {i}")))
            .Append(new TestFile("big.bin", TestContent.Generated(8 * 1024 * 1024, seed: 7))));
        _domino.Faults.ThrottleBlob(head.Files["big.bin"].Content.Key, 512 * 1024);
        var exportId = await admin.SaveExportAsync(new ExportForm
        {
            Kind = ExportKind.Project, DominoDeploymentId = deployment, DominoOwnerName = owner.UserName, DominoProjectName = project.Name,
            GroupName = "disk", ProjectName = "full", ExportFiles = true, ExportImage = false, S3TargetId = target, Schedule = "0 3 * * *",
            TimeZone = "UTC", Enabled = true,
        });
        using var probe = new HttpClient { BaseAddress = _portal.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);

        var runId = await admin.RunNowAsync(exportId);
        await WaitForAsync(async () => (await admin.RunAsync(runId)).Summary.FilesDone >= 100, "the run to record its first files");
        var filler = Path.Combine(_mount!, "filler");
        FillDisk(filler);
        output.WriteLine("disk full");

        await WaitForAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "readiness to fail");
        _domino.Faults.ThrottleBlob(head.Files["big.bin"].Content.Key, 0);
        // The node knows how the run ended but can write it neither to the database nor to its journal: it holds it.
        await WaitForAsync(() => Task.FromResult(_portal.Log.Contains($"The ending of run {runId} could not be written to the local journal either",
            StringComparison.Ordinal)), "the node to hold the run's ending");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);

        File.Delete(filler);
        output.WriteLine("room again");
        await WaitForAsync(async () => (StatusCode)(await admin.RunAsync(runId)).Summary.Status is var s && s.IsFinished(), "the run's ending to be recorded");
        var run = await admin.RunAsync(runId);
        output.WriteLine($"run {runId}: {run.Summary.Status} {run.Summary.Message}");
        Assert.Contains((StatusCode)run.Summary.Status, new[] { StatusCode.Completed, StatusCode.ExecutionNotComplete });
        if ((StatusCode)run.Summary.Status == StatusCode.ExecutionNotComplete)
            Assert.Contains("database did not confirm", run.Summary.Message, StringComparison.Ordinal);
        await WaitForAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "readiness to return");
        // The export was let go: the next run starts (no 101) and completes.
        var next = await admin.RunNowAsync(exportId);
        await WaitForAsync(async () => ((StatusCode)(await admin.RunAsync(next)).Summary.Status).IsFinished(), "the next run to end");
        Assert.Equal(StatusCode.Completed, (StatusCode)(await admin.RunAsync(next)).Summary.Status);
    }

    /// <summary>Writes zeros until the filesystem has no byte left.</summary>
    private static void FillDisk(string path)
    {
        var block = new byte[64 * 1024];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true) file.Write(block);
        }
        catch (IOException)
        {
            // full; write what still fits byte by byte so not even a small page is left
            try { while (true) file.Write(block, 0, 1); }
            catch (IOException) { }
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited 90 s for {what}.");
            await Task.Delay(500);
        }
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null) await _portal.DisposeAsync();
        if (_domino is not null) await _domino.DisposeAsync();
        if (_s3 is not null) await _s3.DisposeAsync();
        if (_mount is null) return;
        if (_unavailable is null) await ChildProcess.RunAsync("umount", ["-l", _mount], TimeSpan.FromSeconds(10));
        Directory.Delete(_mount, recursive: true);
    }
}
