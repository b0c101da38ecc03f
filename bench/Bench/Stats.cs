namespace Portal.Bench;

/// <summary>How the benchmarks sum up repeated runs on a shared machine.</summary>
internal static class Stats
{
    /// <summary>The middle value (for an even count, the mean of the two middle ones).</summary>
    public static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The 1, 5 and 15 minute load averages, to put beside the numbers of a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
