using Portal.Domain.Domino;
using Portal.Contracts.Runs;

namespace Portal.Exports;

/// <summary>
/// The original's access rule, asked of Domino with the key the export will run with: the key may export a
/// project it may change the settings of (<c>findProjectByOwnerAndName</c>'s <c>allowedOperations</c>, part of
/// the documented contract). The project list's permission fields are not trusted for this: they vary by version.
/// </summary>
public sealed class ProjectAccessCheck(UserDominoClients clients)
{
    /// <summary>Null when the key may export the project; otherwise why not, as a person reads it.</summary>
    public async Task<string?> RefusalAsync(string ownerId, int deploymentId, string dominoOwner, string dominoProject,
        CancellationToken cancellationToken)
    {
        if (await clients.ForAsync(ownerId, deploymentId, cancellationToken) is not { } client) return null; // reported on the deployment field
        try
        {
            var project = await client.FindProjectAsync(dominoOwner.Trim(), dominoProject.Trim(), cancellationToken);
            return project.CanExport ? null : StatusCode.APIUnauthorized.Describe();
        }
        catch (DominoException e) when (e.Code == StatusCode.DominoAPIError)
        {
            return $"Domino could not be asked whether your key may export this project: {e.Message}";
        }
        catch (DominoException e)
        {
            return e.Message;
        }
    }
}
