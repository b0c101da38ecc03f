using Microsoft.AspNetCore.Components;
using Portal.Contracts.Admin;

namespace Portal.Client.Admin;

public sealed partial class V1Settings
{
    private V1SettingsDto? options;
    private V1SettingsForm form = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private string? message;
    private bool saved;
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        options = await Settings.GetAsync();
        form = options.Settings;
    }

    private async Task SaveAsync()
    {
        busy = true;
        try
        {
            var result = await Settings.SaveAsync(form);
            saved = result.Succeeded;
            errors = result.Errors;
            message = saved ? "Saved." : result.ErrorFor("") ?? "Check the fields marked in red.";
        }
        finally
        {
            busy = false;
        }
    }

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;
}
