using System.Globalization;

namespace Portal.Domain.Schedules;

public static class SchedulePresets
{
    public static readonly IReadOnlyList<SchedulePreset> All =
    [
        new("Every 15 minutes", "*/15 * * * *"),
        new("Every 30 minutes", "*/30 * * * *"),
        new("Hourly", "0 * * * *"),
        new("Every 6 hours", "0 */6 * * *"),
        new("Daily at 02:00", "0 2 * * *"),
        new("Weekly (Sunday 02:00)", "0 2 * * 0"),
    ];

    /// <summary>The original's default: every 900 seconds.</summary>
    public const string Default = "*/15 * * * *";

    /// <summary>
    /// Maps the v1 API's "every N seconds" onto a cron schedule. Cron cannot express every interval, so N
    /// becomes the nearest interval it can (the shorter one on a tie): whole minutes dividing an hour, whole
    /// hours dividing a day, or daily. The API reports the frequency the schedule really has.
    /// </summary>
    public static string FromFrequencySeconds(int seconds)
    {
        if (seconds <= 0) return Default;
        return Intervals.MinBy(i => Math.Abs((long)i.Seconds - seconds)).Cron;
    }

    private static readonly (int Seconds, string Cron)[] Intervals =
    [
        .. new[] { 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 }.Select(m =>
            (m * 60, m == 1 ? "* * * * *" : string.Create(CultureInfo.InvariantCulture, $"*/{m} * * * *"))),
        .. new[] { 1, 2, 3, 4, 6, 8, 12 }.Select(h =>
            (h * 3600, h == 1 ? "0 * * * *" : string.Create(CultureInfo.InvariantCulture, $"0 */{h} * * *"))),
        (86400, "0 0 * * *"),
    ];
}
