using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// The provider's token and userinfo endpoints over the handler's own back channel, with the handler's client
/// credentials and token validation (signature, issuer, audience = our client id, lifetime).
/// </summary>
internal sealed class ProviderClient(OpenIdConnectOptions options, OpenIdConnectConfiguration configuration, string groupsClaim, string subject)
{
    public abstract record RefreshResult;

    public sealed record Refreshed(string? RefreshToken, string? AccessToken, DateTimeOffset? AccessTokenExpiresAt, IReadOnlySet<string>? Groups)
        : RefreshResult;

    public sealed record Rejected(string Reason) : RefreshResult;

    public async Task<RefreshResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!,
        };
        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            form["client_secret"] = options.ClientSecret;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        using var response = await options.Backchannel.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest && Parse(body) is { Error: "invalid_grant" } error)
        {
            // The refresh token is no good any more: the session ended there, the user was disabled, the grant revoked.
            return new Rejected($"the provider refused the refresh token (invalid_grant: {error.ErrorDescription})");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the token endpoint answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        var message = Parse(body) ?? throw new HttpRequestException("the token endpoint's answer is not JSON");
        DateTimeOffset? expiresAt = int.TryParse(message.ExpiresIn, out var seconds) ? DateTimeOffset.UtcNow.AddSeconds(seconds) : null;
        IReadOnlySet<string>? groups = null;
        if (message.IdToken is { } idToken)
        {
            var validated = await ValidateAsync(idToken);
            if (validated is null)
            {
                return new Rejected("the provider's new ID token did not validate");
            }
            groups = ProviderAccount.GroupsIn(validated.FindAll(groupsClaim).Select(c => c.Value));
        }
        return new Refreshed(message.RefreshToken, message.AccessToken, expiresAt, groups);
    }

    /// <summary>The groups in the userinfo answer, or null when it has no groups claim (Entra ID keeps them out of it).</summary>
    public async Task<IReadOnlySet<string>?> UserInfoGroupsAsync(string accessToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(configuration.UserInfoEndpoint))
        {
            return null;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, configuration.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await options.Backchannel.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = json.RootElement;
        if (!root.TryGetProperty("sub", out var sub) || sub.GetString() != subject || !root.TryGetProperty(groupsClaim, out var value))
        {
            return null;
        }
        return ProviderAccount.GroupsIn(value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ToString()),
            JsonValueKind.String => [value.GetString()!],
            _ => [],
        });
    }

    private static OpenIdConnectMessage? Parse(string json)
    {
        try
        {
            return new OpenIdConnectMessage(json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    private async Task<ClaimsIdentity?> ValidateAsync(string idToken)
    {
        var parameters = options.TokenValidationParameters.Clone();
        parameters.ValidIssuer = configuration.Issuer;
        parameters.ValidAudience = options.ClientId;
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        var result = await options.TokenHandler.ValidateTokenAsync(idToken, parameters);
        return result.IsValid && result.ClaimsIdentity.FindFirst("sub")?.Value == subject ? result.ClaimsIdentity : null;
    }
}
