using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Client.Shared;
using Portal.Contracts.Connections;

namespace Portal.Client.Connections;

public sealed partial class ConnectionsPage
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    private string? loadError;
    private (bool Ok, string Text)? message;

    /// <summary>Kept from the prerendered page, so the interactive one starts with it.</summary>
    [PersistentState] public ConnectionsOverview? Overview { get; set; }

    [Inject] private IConnectionsClient Connections { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override Task OnInitializedAsync() => Overview is null ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        try
        {
            Overview = await Connections.GetAsync();
            loadError = null;
        }
        catch (HttpRequestException e)
        {
            loadError = e.Message;
        }
    }

    private ConnectionList<DominoDeploymentDto>? deployments;
    private ConnectionList<S3TargetDto>? s3Targets;
    private ConnectionList<RegistryTargetDto>? registries;

    private Task EditDeploymentAsync(DominoDeploymentDto? existing) =>
        EditAsync<DeploymentDialog>(existing is null ? "Add Domino deployment" : $"Edit {existing.Name}",
            new DialogParameters<DeploymentDialog> { { d => d.Existing, existing } }, id => deployments?.TestSavedAsync(id));

    private Task EditS3TargetAsync(S3TargetDto? existing) =>
        EditAsync<S3TargetDialog>(existing is null ? "Add S3 target" : $"Edit {existing.Name}",
            new DialogParameters<S3TargetDialog> { { d => d.Existing, existing }, { d => d.StorageClasses, Overview!.StorageClasses } },
            id => s3Targets?.TestSavedAsync(id));

    private Task EditRegistryAsync(RegistryTargetDto? existing) =>
        EditAsync<RegistryDialog>(existing is null ? "Add registry target" : $"Edit {existing.Name}",
            new DialogParameters<RegistryDialog> { { d => d.Existing, existing } }, id => registries?.TestSavedAsync(id));

    /// <summary>Saves through the dialog, then tests what was saved, so a wrong secret shows at once.</summary>
    private async Task EditAsync<TDialog>(string title, DialogParameters parameters, Func<int, Task?> test) where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false, Data: int id })
        {
            message = (true, "Saved. Testing the connection…");
            await LoadAsync();
            StateHasChanged();
            if (test(id) is { } testing) await testing;
            message = (true, "Saved; the test's result is under its row.");
        }
    }

    private async Task DeleteAsync(string kind, int id, string name)
    {
        if (!await Dialogs.ConfirmAsync("Delete connection", $"Delete {name}? If exports use it, the portal names them and keeps it.", "Delete"))
            return;
        var result = await Connections.DeleteAsync(kind, id);
        message = result.Succeeded ? (true, $"{name} was deleted.") : (false, result.ErrorFor("") ?? string.Join(" ", result.Errors.Values.SelectMany(v => v)));
        await LoadAsync();
    }

    private static string Registry(string? host, string? user, bool hasPassword) =>
        host is null ? "–" : $"{host}{(user is null ? "" : $" as {user}")}{(hasPassword ? " (password stored)" : "")}";

    private static string Credentials(string? user, bool hasSecret, string secretName) =>
        (user, hasSecret) switch
        {
            (null, false) => "none",
            (null, true) => $"{secretName} stored",
            (_, true) => $"{user}, {secretName} stored",
            _ => $"{user}, no {secretName}",
        };
}
