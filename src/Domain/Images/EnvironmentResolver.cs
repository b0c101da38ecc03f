using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Images;

/// <summary>Finds which environment revision to export and the image Domino built for it (docs/domino-api.md, "Source image").</summary>
internal static class EnvironmentResolver
{
    public static async Task<ExportedEnvironment> ResolveAsync(DominoClient domino, ImageSource source, CancellationToken cancellationToken)
    {
        var (environmentId, revision) = source switch
        {
            ImageSource.Project p => await SelectedAsync(domino, p, cancellationToken),
            ImageSource.Environment e => (e.EnvironmentId, (int?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(source)),
        };

        var revisions = await domino.GetEnvironmentRevisionsAsync(environmentId, cancellationToken);
        var chosen = revision is { } wanted
            ? revisions.FirstOrDefault(r => r.Number == wanted)
              ?? throw new ExportException(StatusCode.DominoEnvironmentNotFound,
                  $"Revision {wanted} of compute environment {environmentId} does not exist in Domino")
            : revisions.MaxBy(r => r.Number)
              ?? throw new ExportException(StatusCode.DominoEnvironmentNotFound,
                  $"Compute environment {environmentId} has no revisions in Domino");

        var environments = await domino.ListEnvironmentsAsync(cancellationToken);
        var name = environments.FirstOrDefault(e => e.Id == environmentId)?.Name;
        return new ExportedEnvironment(environmentId, chosen.Number, name, string.IsNullOrWhiteSpace(chosen.DockerImageName) ? null : chosen.DockerImageName.Trim());
    }

    private static async Task<(string, int?)> SelectedAsync(DominoClient domino, ImageSource.Project p, CancellationToken cancellationToken)
    {
        var project = await domino.FindProjectAsync(p.OwnerName, p.ProjectName, cancellationToken);
        if (!project.CanExport)
            throw new ExportException(StatusCode.APIUnauthorized, StatusCode.APIUnauthorized.Describe());
        var selection = await domino.GetProjectEnvironmentAsync(project.Id, cancellationToken);
        return (selection.EnvironmentId, selection.Revision);
    }
}
