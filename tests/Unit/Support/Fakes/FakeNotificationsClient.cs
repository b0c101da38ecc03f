using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeNotificationsClient : INotificationsClient
{
    public List<SubscriptionDto> Subscriptions { get; } = [];
    public List<DeliveryDto> Deliveries { get; } = [];
    public List<SubscriptionForm> Subscribed { get; } = [];
    public bool EmailAvailable { get; set; } = true;

    /// <summary>What the server answers a subscription; null: it is saved.</summary>
    public Func<SubscriptionForm, SaveResult?> Check { get; set; } = _ => null;

    public Task<NotificationsOverview> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new NotificationsOverview(Subscriptions.ToList(), Deliveries.ToList(), EmailAvailable));

    public Task<SaveResult> SubscribeAsync(SubscriptionForm form, CancellationToken cancellationToken = default)
    {
        if (Check(form) is { } refused) return Task.FromResult(refused);
        Subscribed.Add(form);
        var id = Subscriptions.Count + 1;
        Subscriptions.Add(new SubscriptionDto(id, form.ExportId, form.ExportId is null ? null : $"export {form.ExportId}", form.AllExports, form.When,
            form.Channel, form.WebhookUrl, form.WebhookFormat, DateTimeOffset.UnixEpoch));
        return Task.FromResult(SaveResult.Ok(id));
    }

    public Task<bool> UnsubscribeAsync(int id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Subscriptions.RemoveAll(s => s.Id == id) == 1);
}
