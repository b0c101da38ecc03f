using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Domino;
using Portal.Exports;
using Portal.Security;
using Portal.Contracts.Profile;

namespace Portal.Profile;

/// <summary>A user's Domino API keys: checked with Domino on save, stored encrypted, used by their exports.</summary>
public sealed class DominoKeyService(PortalDbContext db, ISecretProtector secrets, IDominoClientFactory domino, TimeProvider time)
{
    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public async Task<IReadOnlyList<DominoKeyDto>> ListAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var deployments = await db.DominoDeployments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var keys = await db.DominoApiKeys.AsNoTracking().Where(k => k.UserId == user.Id).ToDictionaryAsync(k => k.DominoDeploymentId, cancellationToken);
        return deployments.Select(d => keys.TryGetValue(d.Id, out var key)
            ? new DominoKeyDto(d.Id, d.Name, true, key.DominoUserName, key.VerifiedAt)
            : new DominoKeyDto(d.Id, d.Name, false, null, null)).ToList();
    }

    public async Task<SaveKeyResult> SaveAsync(PortalUser user, int deploymentId, string apiKey, CancellationToken cancellationToken)
    {
        apiKey = apiKey.Trim();
        if (apiKey.Length == 0) return new SaveKeyResult(false, "Enter your Domino API key.", null);
        var deployment = await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
        if (deployment is null) return new SaveKeyResult(false, "This Domino deployment no longer exists.", null);

        DominoPrincipal principal;
        try
        {
            principal = await domino.Create(ExportRequests.Domino(deployment), apiKey).GetPrincipalAsync(cancellationToken);
        }
        catch (DominoException e)
        {
            return new SaveKeyResult(false, $"Domino did not accept the key: {e.Message}", null);
        }

        var stored = await db.DominoApiKeys.SingleOrDefaultAsync(k => k.UserId == user.Id && k.DominoDeploymentId == deploymentId, cancellationToken);
        var protectedKey = secrets.ForPurpose(SecretPurposes.DominoApiKey).Protect(apiKey);
        if (stored is null)
        {
            db.DominoApiKeys.Add(new DominoApiKey
            {
                UserId = user.Id,
                DominoDeploymentId = deploymentId,
                ProtectedKey = protectedKey,
                KeyHash = Hash(apiKey),
                DominoUserName = principal.UserName,
                VerifiedAt = time.GetUtcNow(),
            });
        }
        else
        {
            stored.ProtectedKey = protectedKey;
            stored.KeyHash = Hash(apiKey);
            stored.DominoUserName = principal.UserName;
            stored.VerifiedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        return new SaveKeyResult(true, $"Saved. Domino says this key belongs to {principal.UserName}.", principal.UserName);
    }

    public Task RemoveAsync(PortalUser user, int deploymentId, CancellationToken cancellationToken) =>
        db.DominoApiKeys.Where(k => k.UserId == user.Id && k.DominoDeploymentId == deploymentId).ExecuteDeleteAsync(cancellationToken);
}
