using Microsoft.AspNetCore.Components;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class ExportEditor : IDisposable
{
    private static readonly HashSet<string> Fields =
    [
        nameof(ExportForm.Kind), nameof(ExportForm.DominoDeploymentId), nameof(ExportForm.DominoOwnerName), nameof(ExportForm.DominoProjectName),
        nameof(ExportForm.EnvironmentId), nameof(ExportForm.GroupName), nameof(ExportForm.ProjectName), nameof(ExportForm.ExportFiles),
        nameof(ExportForm.S3TargetId), nameof(ExportForm.RegistryTargetId), nameof(ExportForm.TemplateId), nameof(ExportForm.Schedule),
        nameof(ExportForm.TimeZone), nameof(ExportForm.IncludePatterns), nameof(ExportForm.ExcludePatterns), nameof(ExportForm.MaxFileSize),
        nameof(ExportForm.BandwidthLimit),
    ];

    private readonly HashSet<string> touched = [];

    private ExportForm model = new();

    private ExportValidation? validation;

    private IReadOnlyDictionary<string, string[]>? saveErrors;

    private DominoProjectList? projects;

    private CancellationTokenSource? pending;

    private bool showAll;

    private bool busy;

    [Inject] private IExportsClient Exports { get; set; } = default!;

    /// <summary>The export being edited; null for a new one.</summary>
    [Parameter] public int? Id { get; set; }

    [Parameter, EditorRequired] public ExportForm Initial { get; set; } = new();

    [Parameter, EditorRequired] public ExportFormOptions Options { get; set; } = default!;

    /// <summary>While the page is not interactive yet.</summary>
    [Parameter] public bool Disabled { get; set; }

    /// <summary>How long typing must pause before the server checks the form.</summary>
    [Parameter] public TimeSpan ValidationDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    [Parameter] public EventCallback<int> OnSaved { get; set; }

    private bool MissingKey => Id is null && model.DominoDeploymentId != 0 && !Options.DeploymentsWithKey.Contains(model.DominoDeploymentId);

    /// <summary>Reasons for the form as a whole, and any about a field this form does not show.</summary>
    private string? FormError => saveErrors is null
        ? null
        : string.Join(" ", saveErrors.Where(e => !Fields.Contains(e.Key)).SelectMany(e => e.Value)) is { Length: > 0 } text ? text : null;

    protected override async Task OnInitializedAsync()
    {
        model = Initial.Copy();
        if (Id is null) NewExportDefaults.Apply(model, Options);
        if (model.DominoDeploymentId == 0 && Options.Deployments.Count > 0)
            model.DominoDeploymentId = (Options.Deployments.FirstOrDefault(d => Options.DeploymentsWithKey.Contains(d.Id)) ?? Options.Deployments[0]).Id;
        // An existing export is complete: show what is wrong with it at once. A new one only where it was typed.
        showAll = Id is not null;
        await Task.WhenAll(ValidateNowAsync(CancellationToken.None), LoadProjectsAsync());
        RememberSavedForm();
    }

    private async Task SaveAsync()
    {
        busy = true;
        pending?.Cancel();
        try
        {
            var result = await Exports.SaveAsync(Id, model.Copy());
            if (result.Succeeded)
            {
                saved = true;
                await OnSaved.InvokeAsync(result.Id!.Value);
                return;
            }
            saveErrors = result.Errors;
            showAll = true;
        }
        catch (HttpRequestException e)
        {
            saveErrors = new Dictionary<string, string[]> { [""] = [$"The portal did not answer: {e.Message}"] };
        }
        finally
        {
            busy = false;
        }
    }

    public void Dispose()
    {
        pending?.Cancel();
        pending?.Dispose();
    }
}
