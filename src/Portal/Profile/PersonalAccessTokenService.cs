using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Audit;
using Portal.Data;
using Portal.Contracts.Profile;

namespace Portal.Profile;

/// <summary>
/// Personal access tokens: 32 random bytes shown once, stored as their SHA-256, with an expiry of at most a
/// year; revoked tokens stay listed. <see cref="Api.BearerTokenHandler"/> checks them on every request.
/// </summary>
public sealed class PersonalAccessTokenService(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    public const string TokenPrefix = "dxp_";
    private const int PrefixLength = 12;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<IReadOnlyList<TokenDto>> ListAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(ToDto).ToList();
    }

    public async Task<CreatedToken> CreateAsync(PortalUser user, CreateTokenRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) return new CreatedToken(false, "Name the token (1 to 100 characters), e.g. after the script that uses it.", null, null);
        if (request.ExpiresInDays is < 1 or > CreateTokenRequest.MaxLifetimeDays)
            return new CreatedToken(false, $"A token lives 1 to {CreateTokenRequest.MaxLifetimeDays} days.", null, null);

        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var token = new PersonalAccessToken
        {
            UserId = user.Id,
            Name = name,
            TokenHash = Hash(secret),
            Prefix = secret[..PrefixLength],
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ExpiresInDays),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        // The name, prefix and expiry only: the token itself is shown once to its owner and never kept.
        await audit.RecordAsync(AuditActions.TokenCreate, AuditObject.Token(token.Id, token.Name),
            $"prefix: {token.Prefix}; expires: {token.ExpiresAt:yyyy-MM-dd}", cancellationToken: cancellationToken);
        return new CreatedToken(true, "Copy the token now: it is not shown again.", ToDto(token), secret);
    }

    public async Task<bool> RevokeAsync(PortalUser user, int id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == user.Id, cancellationToken);
        if (token is null) return false;
        if (token.RevokedAt is not null) return true;
        token.RevokedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.TokenRevoke, AuditObject.Token(token.Id, token.Name), cancellationToken: cancellationToken);
        return true;
    }

    private static TokenDto ToDto(PersonalAccessToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
