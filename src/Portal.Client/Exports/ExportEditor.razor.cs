using Microsoft.AspNetCore.Components;

namespace Portal.Client.Exports;

public sealed partial class ExportEditor : IDisposable
{
    private static readonly HashSet<string> Fields =
    [
        "Kind", "DominoDeploymentId", "DominoOwnerName", "DominoProjectName", "EnvironmentId", "GroupName", "ProjectName", "ExportFiles",
        "S3TargetId", "RegistryTargetId", "TemplateId", "Schedule", "TimeZone",
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
    }

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

    private async Task DeploymentChangedAsync(int deploymentId)
    {
        await Change("DominoDeploymentId", () => model.DominoDeploymentId = deploymentId);
        await LoadProjectsAsync();
    }

    private async Task LoadProjectsAsync()
    {
        projects = null;
        if (model.DominoDeploymentId == 0 || !Options.DeploymentsWithKey.Contains(model.DominoDeploymentId)) return;
        try
        {
            projects = await Exports.DominoProjectsAsync(model.DominoDeploymentId);
        }
        catch (HttpRequestException e)
        {
            projects = new DominoProjectList([], e.Message);
        }
    }

    /// <summary>A project picked or typed: the server's check (debounced) then asks Domino whether the key may export it.</summary>
    private Task ProjectChanged((string? Owner, string? Project) project) => Change("DominoProjectName", () =>
    {
        model.DominoOwnerName = project.Owner;
        model.DominoProjectName = project.Project;
        touched.Add("DominoOwnerName");
    });

    private async Task SaveAsync()
    {
        busy = true;
        pending?.Cancel();
        try
        {
            var result = await Exports.SaveAsync(Id, model.Copy());
            if (result.Succeeded)
            {
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
