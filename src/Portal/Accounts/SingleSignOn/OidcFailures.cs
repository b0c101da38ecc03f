using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Accounts.SingleSignOn;

/// <summary>Why a sign-in through the provider failed, in words for the person at the sign-in page.</summary>
internal static class OidcFailures
{
    public static string Describe(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SecurityTokenInvalidAudienceException:
                    return "its ID token was issued for another application (wrong audience), so it was refused.";
                case SecurityTokenInvalidIssuerException:
                    return "its ID token names another issuer than the configured provider, so it was refused.";
                case SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException:
                    return "the signature of its ID token could not be verified, so it was refused.";
                case SecurityTokenExpiredException or SecurityTokenNotYetValidException:
                    return "its ID token is outside its validity period (check the clocks), so it was refused.";
                case SecurityTokenException:
                    return $"its ID token was refused ({e.GetType().Name}).";
                case OpenIdConnectProtocolException when e.Data["error"] is "access_denied":
                    return "the provider denied access (you cancelled, or it refused the sign-in).";
                case OpenIdConnectProtocolException when e.Data["error"] is string error:
                    return $"the provider answered \"{error}\"{(e.Data["error_description"] is string d ? $": {d}" : "")}.";
                case HttpRequestException or TaskCanceledException:
                    return "the provider could not be reached. Try again in a few minutes.";
                case AuthenticationFailureException when e.Message.StartsWith("Access was denied", StringComparison.Ordinal):
                    return "the provider denied access (you cancelled, or it refused the sign-in).";
                case AuthenticationFailureException when e.Message.Contains("Correlation failed", StringComparison.Ordinal):
                    return "the sign-in took too long or was started in another browser window. Try again.";
            }
        }
        return "its answer could not be used. Try again; if it keeps failing, tell an administrator.";
    }
}
