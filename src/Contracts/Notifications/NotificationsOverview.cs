namespace Portal.Contracts.Notifications;

/// <summary>A user's subscriptions and their latest deliveries (<c>/api/notifications</c>).</summary>
public sealed record NotificationsOverview(IReadOnlyList<SubscriptionDto> Subscriptions, IReadOnlyList<DeliveryDto> Deliveries,
    bool EmailAvailable);
