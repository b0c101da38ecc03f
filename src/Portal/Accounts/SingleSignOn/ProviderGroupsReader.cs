using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary>What the provider says about an account now.</summary>
public abstract record ProviderAnswer
{
    /// <summary>The account's groups as the provider lists them now.</summary>
    public sealed record Groups(IReadOnlySet<string> Names) : ProviderAnswer;

    /// <summary>The provider no longer accepts the account's session (signed out there, disabled, grant revoked).</summary>
    public sealed record Ended(string Reason) : ProviderAnswer;

    /// <summary>No answer to act on: no refresh token, the provider down (<paramref name="ProviderFailed"/>), or no groups without one.</summary>
    public sealed record Unknown(string Reason, bool ProviderFailed = false) : ProviderAnswer;
}

/// <summary>
/// Asks the provider for an account's current groups, as a sign-in would learn them but without the browser: a
/// refresh-token grant (its ID token, validated like the sign-in's) plus the userinfo endpoint. Without a refresh
/// token, the access token and userinfo serve while they last. Rotated refresh tokens are stored again.
/// </summary>
public sealed class ProviderGroupsReader(
    IOptionsMonitor<OpenIdConnectOptions> handlerOptions,
    IOptions<OidcOptions> oidc,
    ProviderTokens tokens,
    Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users,
    TimeProvider clock)
{
    public async Task<ProviderAnswer> ReadAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var subject = (await users.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == OidcOptions.Scheme)?.ProviderKey;
        var stored = await tokens.ReadAsync(user);
        if (subject is null || stored is null)
        {
            return new ProviderAnswer.Unknown("no provider tokens are stored for the account");
        }
        var options = handlerOptions.Get(OidcOptions.Scheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            var client = new ProviderClient(options, configuration, oidc.Value.GroupsClaim, subject);
            ProviderClient.Refreshed? refreshed = null;
            if (stored.RefreshToken is not null)
            {
                var refresh = await client.RefreshAsync(stored.RefreshToken, cancellationToken);
                if (refresh is ProviderClient.Rejected rejected)
                {
                    // Another node may have rotated the token a moment ago: try once more with what is stored now.
                    var again = await tokens.ReadAsync(user);
                    if (again?.RefreshToken is null || again.RefreshToken == stored.RefreshToken)
                    {
                        return new ProviderAnswer.Ended(rejected.Reason);
                    }
                    refresh = await client.RefreshAsync(again.RefreshToken, cancellationToken);
                    if (refresh is ProviderClient.Rejected rejectedAgain)
                    {
                        return new ProviderAnswer.Ended(rejectedAgain.Reason);
                    }
                    stored = again;
                }
                refreshed = (ProviderClient.Refreshed)refresh;
                stored = new StoredTokens(refreshed.RefreshToken ?? stored.RefreshToken, refreshed.AccessToken, refreshed.AccessTokenExpiresAt);
                await tokens.SaveAsync(user, stored);
            }
            else if (stored.AccessTokenExpiresAt is { } expires && expires <= clock.GetUtcNow())
            {
                return new ProviderAnswer.Unknown("the access token expired and the provider issued no refresh token");
            }

            var fromUserInfo = stored.AccessToken is null ? null : await client.UserInfoGroupsAsync(stored.AccessToken, cancellationToken);
            if (refreshed is null && fromUserInfo is null)
            {
                return new ProviderAnswer.Unknown("the provider lists no groups without a refresh token");
            }
            // A fresh ID token makes the answer whole, as at a sign-in: no groups claim anywhere means no groups.
            var groups = new HashSet<string>(StringComparer.Ordinal);
            groups.UnionWith(refreshed?.Groups ?? Enumerable.Empty<string>());
            groups.UnionWith(fromUserInfo ?? Enumerable.Empty<string>());
            return new ProviderAnswer.Groups(groups);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException
                                      && !cancellationToken.IsCancellationRequested)
        {
            return new ProviderAnswer.Unknown($"the provider could not be asked: {e.Message}", ProviderFailed: true);
        }
    }
}
