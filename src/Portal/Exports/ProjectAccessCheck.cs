using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Domino;
using Portal.Security;
using Portal.Contracts.Runs;

namespace Portal.Exports;

/// <summary>
/// The original's access rule, asked of Domino with the key the export will run with: the key may export a
/// project it may change the settings of (<c>findProjectByOwnerAndName</c>'s <c>allowedOperations</c>, part of
/// the documented contract). The project list's permission fields are not trusted for this: they vary by version.
/// </summary>
public sealed class ProjectAccessCheck(PortalDbContext db, IDominoClientFactory domino, ISecretProtector secrets)
{
    /// <summary>Null when the key may export the project; otherwise why not, as a person reads it.</summary>
    public async Task<string?> RefusalAsync(string ownerId, int deploymentId, string dominoOwner, string dominoProject,
        CancellationToken cancellationToken)
    {
        var deployment = await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
        var key = await db.DominoApiKeys.AsNoTracking().Where(k => k.UserId == ownerId && k.DominoDeploymentId == deploymentId)
            .Select(k => k.ProtectedKey).SingleOrDefaultAsync(cancellationToken);
        if (deployment is null || key is null) return null; // reported on the deployment field
        var client = domino.Create(ExportRequests.Domino(deployment), secrets.ForPurpose(SecretPurposes.DominoApiKey).Unprotect(key));
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
