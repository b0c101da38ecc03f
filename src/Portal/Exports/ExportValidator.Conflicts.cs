using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Exports;

// The original's conflict rules: 134, another export of the same Domino project; 133, the same group and project names.
public sealed partial class ExportValidator
{
    private async Task CheckConflictsAsync(int? id, ExportForm form, string group, string project, Validation errors,
        CancellationToken cancellationToken)
    {
        // 134 only once the key may export the project: otherwise it would tell anyone which projects are exported.
        var accessConfirmed = !errors.ContainsKey(nameof(form.DominoDeploymentId)) && !errors.ContainsKey(nameof(form.DominoProjectName));
        if (form.Kind == ExportKind.Project && accessConfirmed && form.DominoOwnerName is { } owner && form.DominoProjectName is { } name
            && await SameProjectExistsAsync(id, form.DominoDeploymentId, owner, name, cancellationToken))
            errors.Add(nameof(form.DominoProjectName), StatusCode.APIProjectConflict.Describe());
        if (await SameNamesExistAsync(id, group, project, cancellationToken))
            errors.Add(nameof(form.ProjectName), StatusCode.APIExportNameConflict.Describe());
    }

    /// <summary>
    /// The original's conflict rules in its order (the v1 API reports the first): 134, another export of the
    /// same Domino project (unless allowed); 133, another export with the same group and project names.
    /// </summary>
    public async Task<StatusCode?> FindConflictAsync(int? id, ExportKind kind, int deploymentId, string? owner, string? project,
        string group, string name, CancellationToken cancellationToken)
    {
        if (kind == ExportKind.Project && owner is not null && project is not null
            && await SameProjectExistsAsync(id, deploymentId, owner, project, cancellationToken))
            return StatusCode.APIProjectConflict;
        return await SameNamesExistAsync(id, group, name, cancellationToken) ? StatusCode.APIExportNameConflict : null;
    }

    private async Task<bool> SameProjectExistsAsync(int? id, int deploymentId, string owner, string project, CancellationToken cancellationToken)
    {
        if (options.Value.AllowSameProjectExports) return false;
        var lowerOwner = owner.Trim().ToLowerInvariant();
        var trimmed = project.Trim();
        return await db.Exports.AnyAsync(e => !e.Archived && e.Id != id && e.Kind == ExportKind.Project
                                              && e.DominoDeploymentId == deploymentId && e.DominoOwnerName == lowerOwner
                                              && e.DominoProjectName == trimmed, cancellationToken);
    }

    private Task<bool> SameNamesExistAsync(int? id, string group, string project, CancellationToken cancellationToken) =>
        db.Exports.AnyAsync(e => !e.Archived && e.Id != id && e.GroupName == group && e.ProjectName == project, cancellationToken);
}
