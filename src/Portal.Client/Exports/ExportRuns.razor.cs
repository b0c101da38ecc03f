using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Client.Exports;

public sealed partial class ExportRuns
{
    private MudTable<RunSummary> table = default!;
    private string? loadError;

    [Parameter, EditorRequired] public int ExportId { get; set; }

    [Parameter] public int PageSize { get; set; } = 10;

    public Task ReloadAsync() => table.ReloadServerData();

    private async Task<TableData<RunSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Runs.ForExportAsync(ExportId, state.Page, state.PageSize, cancellationToken);
            loadError = null;
            return new TableData<RunSummary> { Items = page.Items, TotalItems = page.Total };
        }
        catch (HttpRequestException e)
        {
            loadError = $"The runs could not be loaded: {e.Message}";
            return new TableData<RunSummary> { Items = [], TotalItems = 0 };
        }
    }
}
