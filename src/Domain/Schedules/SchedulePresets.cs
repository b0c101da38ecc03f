using System.Globalization;

namespace Portal.Domain.Schedules;

public sealed record SchedulePreset(string Name, string Cron);

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
    /// Maps the v1 API's "every N seconds" onto a cron schedule. Cron cannot express every interval,
    /// so N is rounded to the nearest interval it can: whole minutes dividing an hour, whole hours
    /// dividing a day, or daily. The API reports the frequency the schedule really has.
    /// </summary>
    public static string FromFrequencySeconds(int seconds)
    {
        if (seconds <= 0) return Default;
        var minutes = Math.Max(1, (int)Math.Round(seconds / 60.0));
        if (minutes < 60)
        {
            int[] minuteSteps = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
            var step = minuteSteps.MinBy(s => Math.Abs(s - minutes));
            return step == 1 ? "* * * * *" : string.Create(CultureInfo.InvariantCulture, $"*/{step} * * * *");
        }
        var hours = (int)Math.Round(minutes / 60.0);
        if (hours < 24)
        {
            int[] hourSteps = [1, 2, 3, 4, 6, 8, 12];
            var step = hourSteps.MinBy(s => Math.Abs(s - hours));
            return step == 1 ? "0 * * * *" : string.Create(CultureInfo.InvariantCulture, $"0 */{step} * * *");
        }
        return "0 0 * * *";
    }
}
