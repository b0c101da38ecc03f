using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class ExportsTable
{
    private static readonly (string Value, string Label)[] Outcomes =
    [
        ("succeeded", "Succeeded"), ("failed", "Failed"), ("skipped", "Skipped"), ("running", "Running"), ("never", "Never run"),
        ("disabled", "Disabled"), ("archived", "Archived"),
    ];

    private MudTable<ExportSummary> table = default!;

    private IReadOnlyList<UserSummary> owners = [];

    private bool isAdmin;

    private string? search;

    private string? outcome;

    private string? kind;

    private string? ownerId;

    private string? loadError;

    [Inject] private IExportsClient Exports { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IUserAdministration Users { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Parameter] public int PageSize { get; set; } = 25;

    /// <summary>Admins: the owner whose exports to list when the page around the table chooses it (the dashboard does).</summary>
    [Parameter] public string? OwnerId { get; set; }

    /// <summary>Whether the table offers its own owner filter (admins only).</summary>
    [Parameter] public bool ShowOwnerFilter { get; set; } = true;

    /// <summary>How long the search box waits for typing to pause.</summary>
    [Parameter] public int SearchDebounce { get; set; } = 300;

    private bool Filtered => search is { Length: > 0 } || outcome is not null || kind is not null || ownerId is not null;

    protected override async Task OnInitializedAsync()
    {
        isAdmin = Authentication is not null && (await Authentication).User.IsInRole(PortalRoles.Admin);
        if (isAdmin && ShowOwnerFilter)
        {
            try
            {
                owners = [.. (await Users.ListAsync()).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)];
            }
            catch (Exception e) when (e is HttpRequestException or UnauthorizedAccessException)
            {
                owners = [];
            }
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (ShowOwnerFilter || OwnerId == ownerId) return;
        ownerId = OwnerId;
        if (table is not null) await Refilter(() => { });
    }
}
