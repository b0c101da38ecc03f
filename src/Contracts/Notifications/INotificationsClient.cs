using Portal.Contracts.Shared;

namespace Portal.Contracts.Notifications;

/// <summary>The profile and export pages' notification settings (in-process on the server, <c>/api/notifications</c> in WebAssembly).</summary>
public interface INotificationsClient
{
    Task<NotificationsOverview> GetAsync(CancellationToken cancellationToken = default);

    Task<SaveResult> SubscribeAsync(SubscriptionForm form, CancellationToken cancellationToken = default);

    Task<bool> UnsubscribeAsync(int id, CancellationToken cancellationToken = default);
}
