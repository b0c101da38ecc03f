using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Portal.Health;

/// <summary>Recurring component health checks (configuration section "Health").</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How often every component is checked; whole minutes (Hangfire schedules by the minute).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public string Cron => CheckInterval.TotalMinutes < 60
        ? CheckInterval.TotalMinutes <= 1 ? "* * * * *" : string.Create(CultureInfo.InvariantCulture, $"*/{(int)CheckInterval.TotalMinutes} * * * *")
        : string.Create(CultureInfo.InvariantCulture, $"0 */{Math.Max(1, (int)CheckInterval.TotalHours)} * * *");
}
