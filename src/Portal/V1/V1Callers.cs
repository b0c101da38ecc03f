using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Api;
using Portal.Data;
using Portal.Domain.Domino;
using StatusCodes = Microsoft.AspNetCore.Http.StatusCodes;
using Portal.Contracts.Runs;
using Portal.Exports;
using Portal.Profile;
using Portal.Contracts.Accounts;

namespace Portal.V1;

public sealed class V1Callers(
    PortalDbContext db,
    V1Settings settings,
    IDominoClientFactory domino,
    IMemoryCache cache,
    IOptions<ApiOptions> options,
    IHttpContextAccessor http,
    Audit.AuditContext audit)
{
    public const string Header = DominoClient.ApiKeyHeader;

    public static readonly string NotSetUp =
        "The v1 API is not set up: an admin must choose the Domino deployment v1 exports use (Administration, Connections, v1 API settings)";

    /// <summary>The original's 401/132, marked on the request for the failed-key limit (Api/AttemptLimits).</summary>
    private (V1Caller?, V1Refusal?) Refused()
    {
        if (http.HttpContext is { } context) context.Items[AttemptLimits.V1KeyFailedItem] = true;
        return (null, new V1Refusal(StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe()));
    }

    public async Task<(V1Caller? Caller, V1Refusal? Refusal)> ResolveAsync(string? apiKey, CancellationToken cancellationToken)
    {
        var defaults = await settings.GetDefaultsAsync(cancellationToken);
        var deployment = defaults.DominoDeploymentId is { } id
            ? await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            : null;
        if (deployment is null) return (null, new V1Refusal(StatusCodes.Status503ServiceUnavailable, NotSetUp));
        apiKey = apiKey?.Trim();
        // No key is the original's 401/132, word for word: scripts compare it (the WWW-Authenticate header says where the key goes).
        if (string.IsNullOrEmpty(apiKey))
            return (null, new V1Refusal(StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe()));

        var client = domino.Create(ExportRequests.Domino(deployment), apiKey);
        var hash = DominoKeyService.Hash(apiKey);
        var cacheKey = $"v1-key:{deployment.Id}:{hash}";
        var refusedKey = $"v1-refused:{deployment.Id}:{hash}";
        // A key Domino just refused is refused again without asking (each guess would otherwise cost a call to Domino).
        if (cache.TryGetValue(refusedKey, out _)) return Refused();
        if (!cache.TryGetValue(cacheKey, out DominoPrincipal? principal))
        {
            try
            {
                principal = await client.GetPrincipalAsync(cancellationToken);
            }
            catch (DominoException e) when (e.Code == StatusCode.APIUnauthorized)
            {
                if (options.Value.RefusedKeyMemory > TimeSpan.Zero) cache.Set(refusedKey, true, options.Value.RefusedKeyMemory);
                return Refused();
            }
            if (options.Value.DominoKeyCacheDuration > TimeSpan.Zero)
                cache.Set(cacheKey, principal, options.Value.DominoKeyCacheDuration);
        }

        var stored = await db.DominoApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.DominoDeploymentId == deployment.Id)
            .OrderBy(k => k.Id)
            .Select(k => new { k.UserId, k.User!.Status })
            .ToListAsync(cancellationToken);
        string ownerId;
        var viaServiceAccount = false;
        if (stored.FirstOrDefault(k => k.Status == AccountStatus.Approved) is { } owner)
        {
            ownerId = owner.UserId;
        }
        else if (stored.Count > 0)
        {
            return (null, new V1Refusal(StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe(),
                $"The portal account that stored this Domino API key is {stored[0].Status.ToString().ToLowerInvariant()}: an admin must approve or enable it"));
        }
        else if (defaults.ServiceAccountId is { } service
                 && await db.Users.AnyAsync(u => u.Id == service && u.Status == AccountStatus.Approved, cancellationToken))
        {
            ownerId = service;
            viaServiceAccount = true;
        }
        else
        {
            return (null, new V1Refusal(StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe(),
                "No portal account has stored this Domino API key and no v1 service account is designated: store the key on your " +
                "portal profile page, or ask an admin to choose a v1 service account (Administration, Connections, v1 API settings)"));
        }

        // The audit log names the Domino user and the portal account the key acts for.
        var ownerEmail = await db.Users.Where(u => u.Id == ownerId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        audit.Identify(ownerId, $"{ownerEmail ?? ownerId} (Domino user {principal?.UserName ?? "unknown"}{(viaServiceAccount ? ", via the v1 service account" : "")})");
        var isAdmin = await db.UserRoles.AnyAsync(ur => ur.UserId == ownerId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRoles.Admin), cancellationToken);
        return (new V1Caller(apiKey, hash, principal?.UserName, ownerId, isAdmin, viaServiceAccount, deployment, client), null);
    }
}
