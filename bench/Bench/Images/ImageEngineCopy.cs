using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain;
using Portal.Domain.Domino;
using Portal.Domain.Images;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;

namespace Portal.Bench.Images;

/// <summary>
/// The image export alone, in its own process (so its peak memory is its own): one warm-up export of a tiny
/// image (a long-running portal has its code compiled and its connections open), then the measured one,
/// forced. Prints "status seconds peakBytes cpuSeconds" on standard output.
/// </summary>
internal static class ImageEngineCopy
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = args.Select(x => x.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var services = new ServiceCollection().AddLogging().AddImageExport();
        services.Configure<ImagesOptions>(o =>
        {
            if (a.TryGetValue("parallel", out var parallel)) o.ParallelBlobs = int.Parse(parallel, CultureInfo.InvariantCulture);
            if (a.TryGetValue("chunk-mib", out var chunk)) o.ChunkSize = long.Parse(chunk, CultureInfo.InvariantCulture) << 20;
        });
        await using var provider = services.BuildServiceProvider();
        var exporter = provider.GetRequiredService<ImageExporter>();
        ImageExportRequest Request(string project, string name) => new(new DominoConnection(new Uri(a["domino"])), a["key"],
            new ImageSource.Project(a["owner"], project), new RegistryLogin(a["source"]), new RegistryLogin(a["target"]),
            "bench", name, DockerTemplate.StandardText, Force: true);

        var started = Stopwatch.StartNew();
        if (a.TryGetValue("warmup", out var warmup))
        {
            var warm = await exporter.ExportAsync(Request(warmup, "warmup"), NoProgress.Instance, CancellationToken.None);
            if (warm.Status != StatusCode.Completed) Console.Error.WriteLine("warm-up: " + warm.Message);
            if (a.ContainsKey("layers")) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up export {started.Elapsed.TotalSeconds:F3} s (pull {warm.Durations.Pull?.TotalSeconds:F3}, push {warm.Durations.Push?.TotalSeconds:F3}), process up {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds:F3} s"));
        }
        var clock = Stopwatch.StartNew();
        var result = await exporter.ExportAsync(Request(a["project"], a["name"]), NoProgress.Instance, CancellationToken.None);
        clock.Stop();
        var peak = PeakMemory.Of(Environment.ProcessId) ?? 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(int)result.Status} {clock.Elapsed.TotalSeconds:F3} {peak} {cpu:F2}"));
        if (result.Status != StatusCode.Completed) Console.Error.WriteLine(result.Message + "\n" + result.ExceptionDetails);
        if (a.ContainsKey("layers"))
            foreach (var layer in result.Layers) Console.Error.WriteLine($"{layer.Outcome} {layer.Size} {layer.Duration.TotalSeconds:F2}s");
        return result.Status == StatusCode.Completed ? 0 : 1;
    }
}
