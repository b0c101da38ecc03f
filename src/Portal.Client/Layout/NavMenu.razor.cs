using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Portal.Contracts.Accounts;
using Portal.Contracts.Dashboard;

namespace Portal.Client.Layout;

/// <summary>
/// The menu; for admins, the number of sign-ups waiting for approval beside Users, refreshed on every navigation and
/// when the users page decides on one.
/// </summary>
public sealed partial class NavMenu : IDisposable
{
    [Inject] private IDashboardClient Dashboard { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private PendingSignUps SignUps { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private int pendingUsers;

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        SignUps.Changed += OnSignUpsChanged;
        await CountPendingAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => OnSignUpsChanged();

    private void OnSignUpsChanged() =>
        _ = InvokeAsync(async () =>
        {
            await CountPendingAsync();
            StateHasChanged();
        });

    private async Task CountPendingAsync()
    {
        if (Authentication is null || !(await Authentication).User.IsInRole(PortalRoles.Admin)) return;
        try
        {
            pendingUsers = (await Dashboard.SetupAsync()).PendingUsers;
        }
        catch (Exception e) when (e is HttpRequestException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A badge is a hint: the menu works without it.
        }
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        SignUps.Changed -= OnSignUpsChanged;
    }
}
