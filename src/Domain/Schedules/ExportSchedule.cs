using Cronos;

namespace Portal.Domain.Schedules;

/// <summary>
/// When an export runs: a five-field cron expression evaluated in a time zone (Cronos, the same
/// library Hangfire schedules with), so "daily at 02:00" means 02:00 where the person lives.
/// </summary>
public sealed record ExportSchedule
{
    private readonly CronExpression _expression;

    private ExportSchedule(string cron, TimeZoneInfo timeZone, CronExpression expression)
    {
        Cron = cron;
        TimeZone = timeZone;
        _expression = expression;
    }

    public string Cron { get; }
    public TimeZoneInfo TimeZone { get; }
    public string TimeZoneId => TimeZone.Id;

    public static ExportSchedule Parse(string cron, string? timeZoneId = null) =>
        TryParse(cron, timeZoneId, out var schedule, out var error) ? schedule : throw new FormatException(error);

    /// <summary>Checks a cron expression and a time zone id, with a message a person can act on.</summary>
    public static bool TryParse(string? cron, string? timeZoneId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ExportSchedule? schedule,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        schedule = null;
        var text = cron?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "Enter a cron expression, e.g. \"*/15 * * * *\" for every 15 minutes.";
            return false;
        }
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            error = "A cron expression has five fields: minute hour day-of-month month day-of-week.";
            return false;
        }
        if (!TryFindTimeZone(timeZoneId, out var zone))
        {
            error = $"Unknown time zone \"{timeZoneId}\". Use an IANA name such as \"Europe/Berlin\" or \"UTC\".";
            return false;
        }
        try
        {
            var expression = CronExpression.Parse(text, CronFormat.Standard);
            if (expression.GetNextOccurrence(DateTimeOffset.UtcNow, zone) is null)
            {
                error = "This cron expression never fires.";
                return false;
            }
            schedule = new ExportSchedule(text, zone, expression);
            error = null;
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"Invalid cron expression: {e.Message}";
            return false;
        }
    }

    /// <summary>The next <paramref name="count"/> times the export runs after <paramref name="from"/>.</summary>
    public IReadOnlyList<DateTimeOffset> NextOccurrences(DateTimeOffset from, int count)
    {
        var result = new List<DateTimeOffset>(count);
        var at = from;
        while (result.Count < count && _expression.GetNextOccurrence(at, TimeZone) is { } next)
        {
            result.Add(next);
            at = next;
        }
        return result;
    }

    public DateTimeOffset? NextOccurrence(DateTimeOffset from) => _expression.GetNextOccurrence(from, TimeZone);

    /// <summary>
    /// The v1 API speaks in seconds between runs. The typical gap between two runs, measured over the
    /// next few occurrences (a "*/15" schedule reports 900, as the original's default did).
    /// </summary>
    public int FrequencySeconds(DateTimeOffset from)
    {
        var next = NextOccurrences(from, 3);
        if (next.Count < 2) return 0;
        return (int)Math.Round((next[^1] - next[0]).TotalSeconds / (next.Count - 1));
    }

    private static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id is "UTC" or "Etc/UTC") return true;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }
}
