using System.Globalization;

namespace Portal.Bench.Images;

/// <summary>Medians with their spread, ratios and the Markdown table for bench/README.md.</summary>
internal static partial class ImageBench
{
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Spread(List<Run> runs, Func<Run, TimeSpan> time) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(runs.Select(r => time(r).TotalSeconds)):F2} s ({runs.Min(r => time(r).TotalSeconds):F2}–{runs.Max(r => time(r).TotalSeconds):F2})");

    private static void Report(Row row, long movedBytes)
    {
        var skopeo = Median(row.Skopeo.Select(r => r.Measured.TotalSeconds));
        var engine = Median(row.Engine.Select(r => r.Measured.TotalSeconds));
        Console.WriteLine($"  {row.Case}{(movedBytes > 0 ? $", {movedBytes / 1048576.0:F0} MiB to move" : "")}:");
        Console.WriteLine($"    skopeo copy (process) : {Spread(row.Skopeo, r => r.Measured),-24} peak {row.Skopeo.Max(r => r.PeakBytes) / 1048576.0,5:F0} MiB  cpu {Median(row.Skopeo.Select(r => r.Cpu.TotalSeconds)),5:F2} s");
        Console.WriteLine($"    engine (export)       : {Spread(row.Engine, r => r.Measured),-24} peak {row.Engine.Max(r => r.PeakBytes) / 1048576.0,5:F0} MiB  cpu {Median(row.Engine.Select(r => r.Cpu.TotalSeconds)),5:F2} s (process {Spread(row.Engine, r => r.Wall)}, warm-up included)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    time ratio engine/skopeo: {engine / skopeo:F2}"));
    }

    private static void PrintTable(List<Row> rows)
    {
        Console.WriteLine("\n| image | case | skopeo copy, median (min–max) | engine export, median (min–max) | ratio | engine process | peak memory skopeo / engine |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var ratio = Median(row.Engine.Select(r => r.Measured.TotalSeconds)) / Median(row.Skopeo.Select(r => r.Measured.TotalSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Image} | {row.Case} | {Spread(row.Skopeo, r => r.Measured)} | {Spread(row.Engine, r => r.Measured)} | {ratio:F2}× | {Median(row.Engine.Select(r => r.Wall.TotalSeconds)):F2} s | {row.Skopeo.Max(r => r.PeakBytes) / 1048576.0:F0} / {row.Engine.Max(r => r.PeakBytes) / 1048576.0:F0} MiB |"));
        }
    }
}
