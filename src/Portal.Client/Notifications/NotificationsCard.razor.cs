using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Contracts.Accounts;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;

namespace Portal.Client.Notifications;

public sealed partial class NotificationsCard
{
    private SubscriptionForm form = new();
    private NotificationsOverview? overview;
    private SaveResult? result;
    private string? error;
    private bool busy;
    private bool isAdmin;

    /// <summary>Set on an export's page: its subscriptions and deliveries only, and new ones for it.</summary>
    [Parameter] public int? ExportId { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private IEnumerable<SubscriptionDto> Subscriptions => overview!.Subscriptions.Where(s => ExportId is null || s.ExportId == ExportId);

    private IEnumerable<DeliveryDto> Deliveries => overview!.Deliveries.Where(d => ExportId is null || d.ExportId == ExportId);

    protected override async Task OnInitializedAsync()
    {
        isAdmin = Authentication is not null && (await Authentication).User.IsInRole(PortalRoles.Admin);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            overview = await Notifications.GetAsync();
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
    }

    private async Task SubscribeAsync()
    {
        busy = true;
        error = null;
        try
        {
            form.ExportId = ExportId;
            result = await Notifications.SubscribeAsync(form);
            if (result.Succeeded)
            {
                form = new SubscriptionForm { When = form.When, Channel = form.Channel };
                result = null;
                await LoadAsync();
            }
            else
            {
                error = string.Join(" ", result.Errors.SelectMany(e => e.Value));
            }
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private async Task UnsubscribeAsync(SubscriptionDto subscription)
    {
        busy = true;
        try
        {
            await Notifications.UnsubscribeAsync(subscription.Id);
            await LoadAsync();
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
        }
    }
}
