namespace Portal.Contracts.Notifications;

/// <summary>One message to one subscriber: what it was about, where it went, and how sending it went.</summary>
public sealed record DeliveryDto(long Id, int SubscriptionId, long RunId, int ExportId, string ExportName, NoticeKind Kind,
    NotificationChannel Channel, string Target, DeliveryState State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt, string? Error);
