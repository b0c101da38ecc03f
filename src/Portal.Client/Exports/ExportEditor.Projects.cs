using Microsoft.AspNetCore.Components;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

// The project picker: the projects the user's key can see on the chosen deployment.
public sealed partial class ExportEditor
{
    private async Task DeploymentChangedAsync(int deploymentId)
    {
        await Change(nameof(ExportForm.DominoDeploymentId), () => model.DominoDeploymentId = deploymentId);
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
    private Task ProjectChanged((string? Owner, string? Project) project) => Change(nameof(ExportForm.DominoProjectName), () =>
    {
        model.DominoOwnerName = project.Owner;
        model.DominoProjectName = project.Project;
        touched.Add(nameof(ExportForm.DominoOwnerName));
    });
}
