using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Data;
using Portal.Domain.Domino;
using Portal.Security;

namespace Portal.Exports;

/// <summary>
/// The projects the user's key can see on a deployment, to pick owner and project from. Whether the key may
/// export one is only a hint here (null: the list does not say); the form's check asks Domino for the project itself.
/// </summary>
public sealed class DominoProjects(PortalDbContext db, IDominoClientFactory domino, ISecretProtector secrets)
{
    /// <exception cref="DominoException">Domino could not list them: the API answers 502 with its reason.</exception>
    public async Task<IReadOnlyList<DominoProjectOption>> ListAsync(PortalUser user, int deploymentId, CancellationToken cancellationToken)
    {
        var deployment = await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
        var key = await db.DominoApiKeys.AsNoTracking()
            .Where(k => k.UserId == user.Id && k.DominoDeploymentId == deploymentId).Select(k => k.ProtectedKey).SingleOrDefaultAsync(cancellationToken);
        if (deployment is null || key is null) return [];
        var client = domino.Create(ExportRequests.Domino(deployment), secrets.ForPurpose(SecretPurposes.DominoApiKey).Unprotect(key));
        var projects = await client.ListProjectsAsync(cancellationToken);
        return projects.Select(p => new DominoProjectOption(p.OwnerName, p.Name, p.CanExport)).ToList();
    }
}
