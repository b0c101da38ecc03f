using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;
using Portal.Contracts.Dashboard;

namespace Portal.Client.Pages;

public sealed partial class Home
{
    private static readonly int[] Ranges = [7, 30, 90];
    private IReadOnlyList<UserSummary> owners = [];
    private bool isAdmin;
    private string? userName;
    private string? ownerId;
    private int days = 30;
    private string? loadError;

    [Inject] private IDashboardClient Dashboard { get; set; } = default!;

    [Inject] private IUserAdministration Users { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    // Kept from the prerendered page, so the interactive one starts with them.
    [PersistentState] public DashboardTiles? Tiles { get; set; }

    [PersistentState] public IReadOnlyList<DailyRuns>? Daily { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = Authentication is null ? null : (await Authentication).User;
        isAdmin = user?.IsInRole(PortalRoles.Admin) == true;
        userName = user?.Identity?.Name;
        await Task.WhenAll(Tiles is null ? LoadTilesAsync() : Task.CompletedTask, Daily is null ? LoadDailyAsync() : Task.CompletedTask,
            isAdmin ? LoadOwnersAsync() : Task.CompletedTask);
    }

    private async Task LoadTilesAsync()
    {
        try
        {
            Tiles = await Dashboard.TilesAsync(ownerId);
        }
        catch (HttpRequestException e)
        {
            loadError = e.Message;
        }
    }

    private async Task LoadDailyAsync()
    {
        try
        {
            Daily = await Dashboard.DailyAsync(days, ownerId);
        }
        catch (HttpRequestException e)
        {
            loadError = e.Message;
        }
    }

    private async Task LoadOwnersAsync()
    {
        try
        {
            owners = [.. (await Users.ListAsync()).Where(u => u.Status == AccountStatus.Approved).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)];
        }
        catch (Exception e) when (e is HttpRequestException or UnauthorizedAccessException)
        {
            owners = [];
        }
    }

    private async Task OwnerChangedAsync(string? value)
    {
        ownerId = value;
        await Task.WhenAll(LoadTilesAsync(), LoadDailyAsync());
    }

    private async Task DaysChangedAsync(int value)
    {
        days = value;
        await LoadDailyAsync();
    }
}
