using Portal.Client.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Contracts.Templates;

namespace Portal.Client.Templates;

public sealed partial class TemplatesPage
{
    private string? loadError;
    private (bool Ok, string Text)? message;

    /// <summary>Kept from the prerendered page, so the interactive one starts with it.</summary>
    [PersistentState] public IReadOnlyList<TemplateDto>? List { get; set; }

    protected override Task OnInitializedAsync() => List is null ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        try
        {
            List = await Templates.ListAsync();
        }
        catch (HttpRequestException e)
        {
            loadError = e.Message;
        }
    }

    private async Task EditAsync(TemplateDto? existing)
    {
        var dialog = await Dialogs.ShowAsync<TemplateDialog>(existing is null ? "New template" : $"Edit {existing.Name}",
            new DialogParameters<TemplateDialog> { { d => d.Existing, existing } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            message = (true, "Saved.");
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(TemplateDto template)
    {
        if (!await Dialogs.ConfirmAsync("Delete template", $"Delete {template.Name}?", "Delete")) return;
        var result = await Templates.DeleteAsync(template.Id);
        message = result.Succeeded ? (true, $"{template.Name} was deleted.") : (false, string.Join(" ", result.Errors.Values.SelectMany(v => v)));
        await LoadAsync();
    }
}
