using System.Globalization;

namespace Portal.Bench.Dashboard;

/// <summary>The dashboard benchmark's knobs: <c>--provider sqlite|postgresql|both --exports N --runs N --users N --days N --repeat N --files N --keep true</c>.</summary>
internal sealed record BenchOptions(string[] Providers, int Exports, int Runs, int Users, int Days, int Repeat, int FilesInMeasuredRun, bool Keep)
{
    public int RunsPerExport => Math.Max(1, Runs / Exports);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var provider = values.GetValueOrDefault("provider", "sqlite").ToLowerInvariant();
        return new BenchOptions(
            provider == "both" ? ["sqlite", "postgresql"] : [provider],
            Int("exports", 10_000),
            Int("runs", 1_000_000),
            Int("users", 50),
            Int("days", 30),
            Int("repeat", 30),
            Int("files", 5_000),
            values.GetValueOrDefault("keep") == "true");
    }
}
