using Microsoft.AspNetCore.Components;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class ExportTargets
{
    [Parameter, EditorRequired] public ExportForm Model { get; set; } = new();

    [Parameter, EditorRequired] public ExportFormOptions Options { get; set; } = default!;

    [Parameter] public bool Disabled { get; set; }

    /// <summary>The error to show under a field, if any (the editor decides which are shown).</summary>
    [Parameter] public Func<string, string?> ErrorFor { get; set; } = _ => null;

    /// <summary>Applies a change to a field and lets the editor re-check the form.</summary>
    [Parameter] public Func<string, Action, Task> OnChange { get; set; } = (_, apply) => { apply(); return Task.CompletedTask; };

    /// <summary>The template the image will be made with: the chosen one, or the standard one when none is chosen.</summary>
    private TemplateOption? ChosenTemplate => Model.TemplateId is { } id
        ? Options.Templates.FirstOrDefault(t => t.Id == id)
        : Options.Templates.FirstOrDefault(t => t.IsStandard);

    private bool ImageOn => Model.Kind == ExportKind.Environment || Model.ExportImage;
}
