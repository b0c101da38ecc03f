using Microsoft.AspNetCore.Components;

namespace Portal.Client.Exports;

// The server checks the form as it is typed (debounced): a field shows its error once touched, or all of them after a save.
public sealed partial class ExportEditor
{
    /// <summary>The error shown under a field: after a save the server's, otherwise the live check's, once the field was touched.</summary>
    private string? Shown(string field)
    {
        if (!showAll && !touched.Contains(field) && field != "") return null;
        return saveErrors is not null && saveErrors.TryGetValue(field, out var e) && e.Length > 0 ? string.Join(" ", e) : validation?.ErrorFor(field);
    }

    private Task Change(string field, Action apply)
    {
        apply();
        touched.Add(field);
        saveErrors = null;
        pending?.Cancel();
        pending?.Dispose();
        pending = new CancellationTokenSource();
        _ = ValidateLaterAsync(pending.Token);
        return Task.CompletedTask;
    }

    private async Task ValidateLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(ValidationDelay, cancellationToken);
            await ValidateNowAsync(cancellationToken);
            await InvokeAsync(StateHasChanged);
        }
        catch (OperationCanceledException)
        {
            // Typing went on: a later check replaces this one.
        }
    }

    private async Task ValidateNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await Exports.ValidateAsync(Id, model.Copy(), cancellationToken);
            if (!cancellationToken.IsCancellationRequested) validation = result;
        }
        catch (HttpRequestException)
        {
            // The check is a convenience; the save reports what is wrong.
        }
    }
}
