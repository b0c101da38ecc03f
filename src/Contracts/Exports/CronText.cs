using System.Globalization;

namespace Portal.Contracts.Exports;

/// <summary>
/// A cron expression read out in plain English ("Every day at 02:00", "Every 15 minutes", "Every Monday and Friday at
/// 06:30"), for the schedules people write most. Anything else reads as null, and the next runs (computed by the
/// server) say when it fires.
/// </summary>
public static class CronText
{
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] DayAbbreviations = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string? Describe(string? cron)
    {
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return null;
        var (minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (month != "*") return null;
        var everyDay = dayOfMonth == "*" && dayOfWeek == "*";

        if (hour == "*" && everyDay)
        {
            if (minute == "*") return "Every minute";
            if (Every(minute) is { } n) return n == 1 ? "Every minute" : $"Every {n} minutes";
            if (Number(minute, 59) is { } m) return $"Every hour at :{m:00}";
            return null;
        }
        if (Number(minute, 59) is not { } at) return null;
        if (Every(hour) is { } hours && everyDay) return hours == 1 ? $"Every hour at :{at:00}" : $"Every {hours} hours at :{at:00}";
        if (Numbers(hour, 23) is not { } times) return null;
        var clock = "at " + Join(times.Select(h => $"{h:00}:{at:00}").ToList());

        if (everyDay) return $"Every day {clock}";
        if (dayOfMonth == "*" && dayOfWeek == "1-5") return $"Every weekday (Monday to Friday) {clock}";
        if (dayOfMonth == "*" && Days(dayOfWeek) is { } days) return $"Every {Join(days)} {clock}";
        if (dayOfWeek == "*" && Numbers(dayOfMonth, 31) is { } dates && dates.All(d => d >= 1))
            return $"On day {Join(dates.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList())} of every month {clock}";
        return null;
    }

    private static int? Every(string field) =>
        field.StartsWith("*/", StringComparison.Ordinal) && int.TryParse(field[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : null;

    private static int? Number(string field, int max) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max ? n : null;

    private static List<int>? Numbers(string field, int max)
    {
        var values = field.Split(',').Select(f => Number(f, max)).ToList();
        return values.All(v => v is not null) ? values.Select(v => v!.Value).Distinct().Order().ToList() : null;
    }

    private static List<string>? Days(string field)
    {
        var days = new List<string>();
        foreach (var part in field.Split(','))
        {
            var index = Number(part, 7) ?? Array.IndexOf(DayAbbreviations, part.ToUpperInvariant()) switch { -1 => (int?)null, var i => i };
            if (index is not { } day) return null;
            days.Add(DayNames[day % 7]);
        }
        return days.Distinct().ToList();
    }

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
