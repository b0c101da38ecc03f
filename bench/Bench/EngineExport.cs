using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Domino;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Contracts.Runs;
using Portal.Domain;

namespace Portal.Bench;

/// <summary>
/// The engine alone, in its own process (so its peak memory is its own): one forced export, then one
/// line "status seconds peakBytes cpuSeconds" on standard output.
/// </summary>
internal static class EngineExport
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Options given to the bench come after the bench's own, and win (parallel=N).
        var a = args.Select(x => x.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
        var services = new ServiceCollection().AddLogging().AddFileExport();
        services.Configure<FileExportOptions>(o =>
        {
            // The S3 test server answers a completion only once it has joined the parts on disk (AWS answers at once and
            // keeps the connection alive): on a loaded machine a 2 GiB join outlasts the default minute. rclone waits as long.
            o.S3RequestTimeout = TimeSpan.FromMinutes(10);
            if (a.TryGetValue("parallel", out var parallel)) o.MaxParallelTransfers = int.Parse(parallel, CultureInfo.InvariantCulture);
            if (a.TryGetValue("part-mib", out var part)) o.PartSize = int.Parse(part, CultureInfo.InvariantCulture) << 20;
            if (a.TryGetValue("parts-in-flight", out var inFlight)) o.MaxPartsInFlightPerFile = int.Parse(inFlight, CultureInfo.InvariantCulture);
            if (a.TryGetValue("buffered-parts", out var buffered)) o.MaxBufferedParts = int.Parse(buffered, CultureInfo.InvariantCulture);
        });
        await using var provider = services.BuildServiceProvider();
        var exporter = provider.GetRequiredService<ProjectFilesExporter>();
        var target = new S3Target(a["bucket"], a["prefix"], "us-east-1", new Uri(a["s3"]), new S3Credentials("S3RVER", "S3RVER"));
        var request = new FileExportRequest(new DominoConnection(new Uri(a["domino"])), a["key"], a["owner"], a["project"], target,
            "bench", a["name"], null, Force: true, RunId: Guid.NewGuid().ToString("N"));

        var stages = new StageTimes();
        var clock = Stopwatch.StartNew();
        using var http = a.ContainsKey("http") ? new HttpTrace(clock) : null;
        var result = await exporter.ExportAsync(request, a.ContainsKey("stages") ? stages : NoProgress.Instance, CancellationToken.None);
        clock.Stop();
        var peak = PeakMemory.Of(Environment.ProcessId) ?? 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(int)result.Status} {clock.Elapsed.TotalSeconds:F3} {peak} {cpu:F2}"));
        if (result.Status != StatusCode.Completed) Console.Error.WriteLine(result.Message + "\n" + result.ExceptionDetails);
        if (a.ContainsKey("stages")) Console.Error.WriteLine(stages);
        if (http is not null) Console.Error.WriteLine(http);
        if (a.ContainsKey("gc"))
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms"));
        return result.Status == StatusCode.Completed ? 0 : 1;
    }
}
