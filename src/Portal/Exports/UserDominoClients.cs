using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Domino;
using Portal.Security;

namespace Portal.Exports;

/// <summary>A Domino client for a deployment with the key a user stored for it (the project picker, the form's access check).</summary>
public sealed class UserDominoClients(PortalDbContext db, IDominoClientFactory domino, ISecretProtector secrets)
{
    /// <summary>Null when the deployment is gone or the user stored no key for it.</summary>
    public async Task<DominoClient?> ForAsync(string userId, int deploymentId, CancellationToken cancellationToken)
    {
        var deployment = await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
        var key = await db.DominoApiKeys.AsNoTracking().Where(k => k.UserId == userId && k.DominoDeploymentId == deploymentId)
            .Select(k => k.ProtectedKey).SingleOrDefaultAsync(cancellationToken);
        return deployment is null || key is null
            ? null
            : domino.Create(ExportRequests.Domino(deployment), secrets.ForPurpose(SecretPurposes.DominoApiKey).Unprotect(key));
    }
}
