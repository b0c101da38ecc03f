using Portal.Client.Shared;
using Microsoft.AspNetCore.Components;
using Portal.Contracts.Profile;

namespace Portal.Client.Profile;

public sealed partial class DominoKeysCard
{
    private readonly Dictionary<int, string?> typed = [];
    private readonly Dictionary<int, SaveKeyResult> results = [];
    private string? loadError;
    private bool busy;

    private bool Idle => busy || !RendererInfo.IsInteractive;

    /// <summary>Kept from the prerendered page, so the interactive one starts with it.</summary>
    [PersistentState] public IReadOnlyList<DominoKeyDto>? Keys { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            Keys ??= await Profile.DominoKeysAsync();
            foreach (var key in Keys) typed.TryAdd(key.DeploymentId, null);
        }
        catch (HttpRequestException e)
        {
            loadError = e.Message;
        }
    }

    private async Task SaveAsync(DominoKeyDto key)
    {
        busy = true;
        try
        {
            results[key.DeploymentId] = await Profile.SaveDominoKeyAsync(key.DeploymentId, typed[key.DeploymentId]!.Trim());
            if (results[key.DeploymentId].Succeeded) typed[key.DeploymentId] = null;
            Keys = await Profile.DominoKeysAsync();
        }
        catch (HttpRequestException e)
        {
            results[key.DeploymentId] = new SaveKeyResult(false, e.Message, null);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RemoveAsync(DominoKeyDto key)
    {
        if (!await Dialogs.ConfirmAsync("Remove Domino key",
                $"Remove your key for {key.DeploymentName}? Your exports of this deployment cannot run until you store a key again.", "Remove"))
            return;
        busy = true;
        try
        {
            await Profile.RemoveDominoKeyAsync(key.DeploymentId);
            results[key.DeploymentId] = new SaveKeyResult(true, "Removed. Exports of this deployment cannot run until you store a key again.", null);
            Keys = await Profile.DominoKeysAsync();
        }
        catch (HttpRequestException e)
        {
            results[key.DeploymentId] = new SaveKeyResult(false, e.Message, null);
        }
        finally
        {
            busy = false;
        }
    }
}
