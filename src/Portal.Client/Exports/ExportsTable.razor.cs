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
        ("disabled", "Disabled"),
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

    /// <summary>The query the table's state and filters make (what the server is asked for).</summary>
    private ExportQuery QueryFor(TableState state) => new(
        Search: string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        Outcome: outcome,
        OwnerId: isAdmin ? ownerId : null,
        Kind: Enum.TryParse<ExportKind>(kind, out var k) ? k : null,
        SortBy: state.SortDirection == SortDirection.None ? null : state.SortLabel,
        Descending: state.SortDirection == SortDirection.Descending,
        Page: state.Page,
        PageSize: state.PageSize);

    private async Task<TableData<ExportSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Exports.ListAsync(QueryFor(state), cancellationToken);
            loadError = null;
            return new TableData<ExportSummary> { Items = page.Items, TotalItems = page.Total };
        }
        catch (HttpRequestException e)
        {
            loadError = $"The exports could not be loaded: {e.Message}";
            return new TableData<ExportSummary> { Items = [], TotalItems = 0 };
        }
    }

    private void Open(ExportSummary? export)
    {
        if (export is not null) Navigation.NavigateTo($"/exports/{export.Id}");
    }

    private Task SearchChangedAsync(string? value) => Refilter(() => search = value);

    private Task OutcomeChangedAsync(string? value) => Refilter(() => outcome = value);

    private Task KindChangedAsync(string? value) => Refilter(() => kind = value);

    private Task OwnerChangedAsync(string? value) => Refilter(() => ownerId = value);

    /// <summary>A new filter starts again at the first page.</summary>
    private async Task Refilter(Action change)
    {
        change();
        if (table.CurrentPage > 0) table.NavigateTo(0);
        else await table.ReloadServerData();
    }
}
