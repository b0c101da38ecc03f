namespace Portal.Contracts.Notifications;

/// <summary>One subscription as its owner sees it: never the webhook's secret, only that one is set.</summary>
public sealed record SubscriptionDto(int Id, int? ExportId, string? ExportName, bool AllExports, NotifyWhen When,
    NotificationChannel Channel, string? WebhookUrl, WebhookFormat WebhookFormat, DateTimeOffset CreatedAt);
