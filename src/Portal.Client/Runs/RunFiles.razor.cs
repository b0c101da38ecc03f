using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Client.Runs;

public sealed partial class RunFiles
{
    private static readonly string[] Outcomes = ["Transferred", "Unchanged", "Deleted", "Excluded", "Failed"];
    private MudTable<RunFileDto> table = default!;
    private string? outcome;
    private string? loadError;

    [Parameter, EditorRequired] public long RunId { get; set; }

    /// <summary>A dry run's files: what a run would do to each, so the outcomes read "would transfer", "would keep", "would delete".</summary>
    [Parameter] public bool DryRun { get; set; }

    private string Label(string outcome) => !DryRun ? outcome : outcome switch
    {
        "Transferred" => "Would transfer",
        "Unchanged" => "Would keep",
        "Deleted" => "Would delete",
        _ => outcome,
    };

    public Task ReloadAsync() => table.ReloadServerData();

    private async Task<TableData<RunFileDto>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Runs.FilesAsync(RunId, outcome, state.Page * state.PageSize, state.PageSize, cancellationToken);
            loadError = null;
            return new TableData<RunFileDto> { Items = page.Items, TotalItems = page.Total };
        }
        catch (HttpRequestException e)
        {
            loadError = $"The files could not be loaded: {e.Message}";
            return new TableData<RunFileDto> { Items = [], TotalItems = 0 };
        }
    }

    private async Task OutcomeChangedAsync(string? value)
    {
        outcome = value;
        if (table.CurrentPage > 0) table.NavigateTo(0);
        else await table.ReloadServerData();
    }
}
