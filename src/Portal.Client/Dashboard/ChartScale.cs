using System.Globalization;

namespace Portal.Client.Dashboard;

/// <summary>
/// Axes people can read at a glance: a maximum that is a round number just above the data (1, 2 or 5 times a power of
/// ten, or of 1024 for bytes) split into at most five steps, and no more than six dates under the bars.
/// </summary>
public static class ChartScale
{
    public const int MaxLabels = 6;

    /// <summary>The axis maximum for counts: never below <paramref name="floor"/>, so one run does not fill the chart.</summary>
    public static double CountMax(double max, double floor = 5) => Nice(Math.Max(max, floor), 10);

    /// <summary>The axis maximum for bytes: a round number of KiB, MiB, GiB … so the ticks read "512 MiB", not "537 MB".</summary>
    public static double BytesMax(double max)
    {
        if (max <= 0) return 1024;
        var unit = Math.Pow(1024, Math.Floor(Math.Log(max, 1024)));
        return Nice(max / unit, 10) * unit;
    }

    /// <summary>
    /// The step between ticks: the maximum in five (or fewer, for small counts) whole steps. MudBlazor takes an int: past
    /// 2 GiB a step, the largest whole fraction of the maximum that fits (a tenth, a twentieth …) keeps the ticks round.
    /// </summary>
    public static int Ticks(double axisMax)
    {
        if (axisMax <= 5) return 1;
        for (var parts = 5; ; parts *= 2)
            if (axisMax / parts <= int.MaxValue) return (int)(axisMax / parts);
    }

    /// <summary>
    /// A label for every n-th day so that at most <see cref="MaxLabels"/> are written, counted back from today (always
    /// labelled); the other days get an empty label.
    /// </summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / (double)MaxLabels));
        var last = days.Count - 1;
        return days.Select((d, i) => (last - i) % step == 0 ? d.ToString("MM-dd", CultureInfo.InvariantCulture) : "").ToArray();
    }

    private static double Nice(double value, double @base)
    {
        var magnitude = Math.Pow(@base, Math.Floor(Math.Log(value, @base)));
        foreach (var factor in new[] { 1.0, 2, 5, 10 })
            if (factor * magnitude >= value) return factor * magnitude;
        return 10 * magnitude;
    }
}
