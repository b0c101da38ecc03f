using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Contracts.Shared;

namespace Portal.Client.Shared;

/// <summary>
/// An add/edit dialog: MudForm checks the fields as they are typed, the server's reasons land on the
/// fields they name ("" above the form), and a successful save closes the dialog with the saved id.
/// </summary>
public abstract class FormDialogBase : ComponentBase
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;

    protected MudForm? Form { get; set; }

    protected bool Busy { get; private set; }

    protected string? FormError => ErrorFor("");

    protected string? ErrorFor(string field) => errors.TryGetValue(field, out var e) && e.Length > 0 ? string.Join(" ", e) : null;

    protected void Cancel() => Dialog.Cancel();

    protected async Task SaveAsync(Func<Task<SaveResult>> save)
    {
        if (Form is not null)
        {
            await Form.ValidateAsync();
            if (!Form.IsValid) return;
        }
        Busy = true;
        try
        {
            var result = await save();
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result.Id));
                return;
            }
            errors = result.Errors;
        }
        catch (HttpRequestException e)
        {
            errors = new Dictionary<string, string[]> { [""] = [$"The portal did not answer: {e.Message}"] };
        }
        finally
        {
            Busy = false;
        }
    }
}
