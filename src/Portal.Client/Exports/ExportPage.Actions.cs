using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Client.Shared;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Client.Exports;

// The export's buttons: run now, dry run, verify, enable or disable, archive, restore.
public sealed partial class ExportPage
{
    private Task RunNowAsync() => StartAsync(Exports.RunNowAsync);

    private Task RunAnywayAsync() => StartAsync(Exports.RunAnywayAsync);

    private Task VerifyAsync() => StartAsync(Exports.VerifyAsync);

    private Task DryRunAsync() => StartAsync(Exports.DryRunAsync);

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
        if (!enable && !await Dialogs.ConfirmAsync("Disable export",
                "Disable this export? It stops running on its schedule until you enable it; Run now still works.", "Disable"))
            return;
        await ApplyAsync(() => Exports.SetEnabledAsync(Id, enable), enable ? "Enabled: it runs on its schedule again." : "Disabled: it no longer runs on its schedule.");
    }

    private async Task ArchiveAsync()
    {
        if (!await Dialogs.ConfirmAsync("Archive export", "Archive this export? It stops running and leaves the list; its runs are kept. The Archived filter finds it to restore it.", "Archive"))
            return;
        var result = await Exports.ArchiveAsync(Id);
        if (result.Succeeded) Navigation.NavigateTo("/exports");
        else message = (false, string.Join(" ", result.Errors.Values.SelectMany(v => v)));
    }

    private Task RestoreAsync() =>
        ApplyAsync(() => Exports.RestoreAsync(Id), "Restored, disabled: check its settings, then enable it to run on its schedule.");

    private async Task ApplyAsync(Func<Task<SaveResult>> action, string done)
    {
        busy = true;
        try
        {
            var result = await action();
            message = result.Succeeded ? (true, done) : (false, string.Join(" ", result.Errors.Values.SelectMany(v => v)));
            await LoadAsync();
            if (runs is not null) await runs.ReloadAsync();
            if (history is not null) await history.ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
