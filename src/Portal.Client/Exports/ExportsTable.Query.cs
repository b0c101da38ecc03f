using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

// The table asks the server for one page at a time, with its search, filters and sort.
public sealed partial class ExportsTable
{
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
