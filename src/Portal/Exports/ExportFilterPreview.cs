using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Domain.Domino;

namespace Portal.Exports;

/// <summary>
/// The editor's "keeps N of M files": the form's project's current commit listed with the caller's Domino key, and the
/// form's filter applied as a run applies it (<see cref="Domain.Files.FileFilter.ExcludedBy"/>). Nothing is stored.
/// </summary>
public sealed class ExportFilterPreview(UserDominoClients clients)
{
    public async Task<FilterPreview> PreviewAsync(PortalUser user, ExportForm form, CancellationToken cancellationToken)
    {
        if (form.Kind != ExportKind.Project || string.IsNullOrWhiteSpace(form.DominoOwnerName) || string.IsNullOrWhiteSpace(form.DominoProjectName))
            return Unavailable("Choose the project to see what the filters keep.");
        if (FilePatterns.Problems(form.IncludePatterns ?? [], form.ExcludePatterns ?? [], form.MaxFileSize) is { Count: > 0 } problems)
            return Unavailable(string.Join(" ", problems));
        if (await clients.ForAsync(user.Id, form.DominoDeploymentId, cancellationToken) is not { } domino)
            return Unavailable("Store your Domino API key for this deployment to see what the filters keep.");
        try
        {
            var project = await domino.FindProjectAsync(form.DominoOwnerName.Trim(), form.DominoProjectName.Trim(), cancellationToken);
            if (await domino.GetHeadCommitAsync(project.Id, cancellationToken) is not { } head)
                return Unavailable("The project has no commits yet.");
            var files = await domino.ListFilesAsync(project.Id, head.Id, cancellationToken);
            var filter = Export.FilterOf(form);
            var kept = files.Where(f => filter.ExcludedBy(f) is null).ToList();
            return new FilterPreview(head.Id, kept.Count, files.Count, kept.Sum(f => f.Size), files.Sum(f => f.Size));
        }
        catch (DominoException e)
        {
            return Unavailable(e.Message);
        }
    }

    private static FilterPreview Unavailable(string reason) => new(null, 0, 0, 0, 0, reason);
}
