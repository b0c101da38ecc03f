using Portal.Contracts.Notifications;

namespace Portal.Notifications;

/// <summary>
/// One message about one run to one subscription, and how sending it went. <see cref="RunId"/> and <see cref="ExportId"/>
/// are plain values (no keys): the record outlives a pruned run, and SQL Server allows only one cascade path to it.
/// </summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public int SubscriptionId { get; set; }
    public NotificationSubscription? Subscription { get; set; }
    public long RunId { get; set; }
    public int ExportId { get; set; }
    public NoticeKind Kind { get; set; }
    public NotificationChannel Channel { get; set; }

    /// <summary>The address or the webhook's host, for the subscriber's list.</summary>
    public required string Target { get; set; }

    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? Error { get; set; }
}
