using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Security;

namespace Portal.Accounts.SingleSignOn;

/// <summary>The provider's latest refresh and access token for an account, kept to re-read its groups.</summary>
public sealed record StoredTokens(string? RefreshToken, string? AccessToken, DateTimeOffset? AccessTokenExpiresAt);

/// <summary>
/// Keeps each account's latest provider tokens in Identity's own user-tokens table (AspNetUserTokens), encrypted
/// like every other stored secret. The ID token is not kept here: it travels in the session's own cookie.
/// </summary>
public sealed class ProviderTokens(UserManager<ApplicationUser> users, ISecretProtector protector)
{
    private const string Name = "tokens";
    private readonly ISecretProtector protector = protector.ForPurpose(SecretPurposes.ProviderTokens);

    public async Task SaveAsync(ApplicationUser user, StoredTokens tokens)
    {
        var result = await users.SetAuthenticationTokenAsync(user, OidcOptions.Scheme, Name, protector.Protect(JsonSerializer.Serialize(tokens)));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public Task SaveAsync(ApplicationUser user, IEnumerable<AuthenticationToken> fromSignIn)
    {
        var tokens = fromSignIn.ToDictionary(t => t.Name, t => t.Value);
        DateTimeOffset? expiresAt = tokens.TryGetValue("expires_at", out var at)
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        return SaveAsync(user, new StoredTokens(tokens.GetValueOrDefault("refresh_token"), tokens.GetValueOrDefault("access_token"), expiresAt));
    }

    public async Task<StoredTokens?> ReadAsync(ApplicationUser user)
    {
        var stored = await users.GetAuthenticationTokenAsync(user, OidcOptions.Scheme, Name);
        if (stored is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<StoredTokens>(protector.Unprotect(stored));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            // Keys lost or the row damaged: as if there were no tokens; the next sign-in stores fresh ones.
            return null;
        }
    }
}
