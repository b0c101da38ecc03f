using System.ComponentModel.DataAnnotations;

namespace Portal.Audit;

/// <summary>The audit log (configuration section "Audit").</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Entries older than this are pruned, on their own clock: an audit trail usually outlives run history.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);
}
