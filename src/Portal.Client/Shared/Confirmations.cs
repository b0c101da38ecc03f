using MudBlazor;

namespace Portal.Client.Shared;

/// <summary>The one way to ask before an action that disables, removes, or signs someone out.</summary>
public static class Confirmations
{
    /// <summary>True when the person chose <paramref name="yes"/> (the action's own verb), false on Cancel or Escape.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string question, string yes) =>
        await dialogs.ShowMessageBoxAsync(title, question, yesText: yes, cancelText: "Cancel") == true;
}
