using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Client.Accounts;

namespace Portal.Client.Exports;

public sealed partial class ExportPage
{
    private ExportRuns? runs;
    private string? loadError;
    private (bool Ok, string Text)? message;
    private bool isAdmin;
    private bool busy;

    [Inject] private IExportsClient Exports { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Parameter] public int Id { get; set; }

    /// <summary>Kept from the prerendered page, so the interactive one starts with it.</summary>
    [PersistentState] public ExportDetails? Details { get; set; }

    private bool Idle => busy || !RendererInfo.IsInteractive;

    /// <summary>The last run found nothing changed (200): the export is up to date, and "Run anyway" is offered.</summary>
    private bool UpToDate => Details is { Summary: { Running: false, LastStatus: 200 } };

    protected override async Task OnParametersSetAsync()
    {
        isAdmin = Authentication is not null && (await Authentication).User.IsInRole(PortalRoles.Admin);
        if (Details?.Summary.Id != Id) await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            Details = await Exports.GetAsync(Id);
            loadError = Details is null ? "This export does not exist, or it is not yours to see." : null;
        }
        catch (HttpRequestException e)
        {
            loadError = $"The export could not be loaded: {e.Message}";
        }
    }

    private Task RunNowAsync() => StartAsync(Exports.RunNowAsync);

    private Task RunAnywayAsync() => StartAsync(Exports.RunAnywayAsync);

    private async Task StartAsync(Func<int, CancellationToken, Task<RunStarted>> run)
    {
        busy = true;
        try
        {
            var started = await run(Id, CancellationToken.None);
            if (started is { Succeeded: true, RunId: { } runId }) Navigation.NavigateTo($"/runs/{runId}");
            else message = (false, started.Message);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ToggleEnabledAsync()
    {
        var enable = !Details!.Summary.Enabled;
        await ApplyAsync(() => Exports.SetEnabledAsync(Id, enable), enable ? "Enabled: it runs on its schedule again." : "Disabled: it no longer runs on its schedule.");
    }

    private async Task ArchiveAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Archive export",
            "Archive this export? It stops running and leaves the list; its runs are kept.", yesText: "Archive", cancelText: "Cancel");
        if (confirmed != true) return;
        var result = await Exports.ArchiveAsync(Id);
        if (result.Succeeded) Navigation.NavigateTo("/exports");
        else message = (false, string.Join(" ", result.Errors.Values.SelectMany(v => v)));
    }

    private async Task ApplyAsync(Func<Task<Shared.SaveResult>> action, string done)
    {
        busy = true;
        try
        {
            var result = await action();
            message = result.Succeeded ? (true, done) : (false, string.Join(" ", result.Errors.Values.SelectMany(v => v)));
            await LoadAsync();
            if (runs is not null) await runs.ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
