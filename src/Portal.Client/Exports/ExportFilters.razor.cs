using Microsoft.AspNetCore.Components;
using Portal.Client.Shared;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class ExportFilters : IDisposable
{
    private static readonly (string Name, long Factor)[] Units =
        [("bytes", 1), ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40)];

    private string includeText = "";
    private string excludeText = "";
    private double? sizeValue;
    private long sizeUnit = 1L << 20;
    private string? previewed;
    private FilterPreview? preview;
    private bool counting;
    private CancellationTokenSource? pending;

    [Inject] private IExportsClient Exports { get; set; } = default!;

    [Parameter, EditorRequired] public ExportForm Model { get; set; } = new();

    [Parameter] public bool Disabled { get; set; }

    /// <summary>The error to show under a field, if any (the editor decides which are shown).</summary>
    [Parameter] public Func<string, string?> ErrorFor { get; set; } = _ => null;

    /// <summary>Applies a change to a field and lets the editor re-check the form.</summary>
    [Parameter] public Func<string, Action, Task> OnChange { get; set; } = (_, apply) => { apply(); return Task.CompletedTask; };

    /// <summary>How long the form must rest before the server counts what the filters keep.</summary>
    [Parameter] public TimeSpan PreviewDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    private string PreviewText => counting && preview is null ? "Counting the files of the current commit…"
        : preview is null ? ""
        : preview.Error is { } error ? error
        : $"Keeps {Formats.Count(preview.FilesKept)} of {Formats.Count(preview.FilesTotal)} files ({Formats.Bytes(preview.BytesKept)} of {Formats.Bytes(preview.BytesTotal)})";

    protected override void OnInitialized()
    {
        includeText = string.Join('\n', Model.IncludePatterns ?? []);
        excludeText = string.Join('\n', Model.ExcludePatterns ?? []);
        if (Model.MaxFileSize is { } max)
        {
            // The largest unit the size is a whole number of, so a saved "100 MiB" reads back as typed.
            sizeUnit = Units.Select(u => u.Factor).Where(f => max % f == 0).Max();
            sizeValue = max / (double)sizeUnit;
        }
    }

    /// <summary>The editor re-renders this after every change: a new project or filter is counted again once typing rests.</summary>
    protected override void OnParametersSet()
    {
        var key = string.Join('\u0001', Model.DominoDeploymentId, Model.DominoOwnerName, Model.DominoProjectName,
            string.Join('\n', Model.IncludePatterns ?? []), string.Join('\n', Model.ExcludePatterns ?? []), Model.MaxFileSize);
        if (key == previewed) return;
        previewed = key;
        pending?.Cancel();
        pending?.Dispose();
        pending = new CancellationTokenSource();
        _ = PreviewLaterAsync(Model.Copy(), pending.Token);
    }

    private Task PatternsChanged(string field, string? text)
    {
        var lines = FilePatterns.Lines(text);
        if (field == nameof(ExportForm.IncludePatterns)) includeText = text ?? "";
        else excludeText = text ?? "";
        return OnChange(field, () =>
        {
            if (field == nameof(ExportForm.IncludePatterns)) Model.IncludePatterns = lines;
            else Model.ExcludePatterns = lines;
        });
    }

    private Task SizeChanged(double? value)
    {
        sizeValue = value;
        return ApplySize();
    }

    private Task UnitChanged(long unit)
    {
        sizeUnit = unit;
        return ApplySize();
    }

    private Task ApplySize() => OnChange(nameof(ExportForm.MaxFileSize),
        () => Model.MaxFileSize = sizeValue is { } v ? (long)Math.Round(Math.Clamp(v * sizeUnit, -1, long.MaxValue / 2.0)) : null);

    private async Task PreviewLaterAsync(ExportForm form, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(PreviewDelay, cancellationToken);
            counting = true;
            await InvokeAsync(StateHasChanged);
            var result = await Exports.PreviewFilterAsync(form, cancellationToken);
            if (cancellationToken.IsCancellationRequested) return;
            preview = result;
        }
        catch (OperationCanceledException)
        {
            return; // a later change counts again
        }
        catch (HttpRequestException e)
        {
            preview = new FilterPreview(null, 0, 0, 0, 0, $"The files could not be counted: {e.Message}");
        }
        counting = false;
        await InvokeAsync(StateHasChanged);
    }

    public void Dispose()
    {
        pending?.Cancel();
        pending?.Dispose();
    }
}
