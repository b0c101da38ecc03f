using Portal.Accounts;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;

namespace Portal.Notifications;

/// <summary>The pages' client while they run on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerNotificationsClient(PageCaller user) : INotificationsClient
{
    public Task<NotificationsOverview> GetAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<SubscriptionService, NotificationsOverview>((s, u) => s.GetAsync(u, cancellationToken));

    public Task<SaveResult> SubscribeAsync(SubscriptionForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<SubscriptionService, SaveResult>((s, u) => s.SubscribeAsync(u, form, cancellationToken));

    public Task<bool> UnsubscribeAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<SubscriptionService, bool>((s, u) => s.UnsubscribeAsync(u, id, cancellationToken));
}

internal sealed class ServerSmtpSettingsClient(PageCaller user) : ISmtpSettingsClient
{
    public Task<SmtpSettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<SmtpSettingsStore, SmtpSettingsDto>((s, _) => s.GetAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveAsync(SmtpSettingsForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<SmtpSettingsStore, SaveResult>((s, _) => s.SaveAsync(form, cancellationToken), adminOnly: true);
}
