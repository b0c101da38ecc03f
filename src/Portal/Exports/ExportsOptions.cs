using System.ComponentModel.DataAnnotations;

namespace Portal.Exports;

/// <summary>How exports run (configuration section "Exports").</summary>
public sealed class ExportsOptions
{
    public const string Section = "Exports";

    /// <summary>A run still going after this long is cancelled and recorded as 103.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Runs older than this many days are pruned (with their stages, files and images).</summary>
    [Range(1, 3650)]
    public int HistoryDays { get; set; } = 30;

    /// <summary>How often a live run saves its progress and proves it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A run whose heartbeat is older than this is taken as interrupted (102): its node died.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan StaleRunAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many records each export's sync-status.log keeps (the original's default: 10).</summary>
    [Range(1, 1000)]
    public int StatusLogRecords { get; set; } = 10;

    /// <summary>The original's ALLOW_SAME_PROJECT_EXPORTS: allow several exports of one Domino project.</summary>
    public bool AllowSameProjectExports { get; set; }
}
