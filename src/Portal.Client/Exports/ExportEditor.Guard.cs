using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Portal.Client.Shared;

namespace Portal.Client.Exports;

// Leaving with unsaved changes asks first: links and the menu through NavigationLock, closing or reloading the tab
// through the browser's own beforeunload prompt (ConfirmExternalNavigation).
public sealed partial class ExportEditor
{
    private string? savedForm;

    private bool saved;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>Whether the form differs from what it opened with (defaults included). Compared as JSON, so new fields count too.</summary>
    private bool Unsaved => !saved && savedForm is not null && JsonSerializer.Serialize(model) != savedForm;

    private void RememberSavedForm() => savedForm = JsonSerializer.Serialize(model);

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (Unsaved && !await Dialogs.ConfirmAsync("Unsaved changes",
                "This export has changes that are not saved. Leave and lose them?", "Leave without saving"))
            context.PreventNavigation();
    }
}
