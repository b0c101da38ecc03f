using System.Net;
using System.Net.Http.Json;
using Portal.Client.Shared;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;

namespace Portal.Client.Notifications;

public sealed class HttpNotificationsClient(HttpClient http) : INotificationsClient
{
    private const string Base = "api/notifications";

    public async Task<NotificationsOverview> GetAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<NotificationsOverview>(Base, cancellationToken);

    public async Task<SaveResult> SubscribeAsync(SubscriptionForm form, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(Base, form, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public async Task<bool> UnsubscribeAsync(int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"{Base}/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await response.EnsureSuccessAsync(cancellationToken);
        return true;
    }
}
