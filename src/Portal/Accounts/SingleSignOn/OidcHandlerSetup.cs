using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// The ASP.NET OpenID Connect handler as the portal uses it: authorization code with PKCE, claims under the
/// provider's own names (plus the userinfo answer), the provider's tokens kept for the sign-in callback, and every
/// failure back on the sign-in page with a message instead of an error page.
/// </summary>
internal sealed class OidcHandlerSetup(IOptions<OidcOptions> settings, ILoggerFactory loggers) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public const string ReturnUrlItem = "portal.returnUrl";
    public const string IdTokenHintItem = "portal.idTokenHint";

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name == OidcOptions.Scheme)
        {
            Configure(options);
        }
    }

    public void Configure(OpenIdConnectOptions options)
    {
        var oidc = settings.Value;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret.Trim();
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        // The code comes back in the query of a top-level GET, so Lax cookies carry the correlation and nonce
        // (form_post needs SameSite=None, which browsers only keep on HTTPS). Secure when the request is: a portal
        // served over plain HTTP (a trial, behind no proxy) could not sign anyone in otherwise.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        options.Scope.Clear();
        foreach (var scope in oidc.ScopeList)
        {
            options.Scope.Add(scope);
        }
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapJsonKey("email_verified", "email_verified");
        options.ClaimActions.MapJsonKey(oidc.GroupsClaim, oidc.GroupsClaim);
        options.SaveTokens = true;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.DisableTelemetry = true;
        options.BackchannelTimeout = TimeSpan.FromSeconds(30);
        options.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            if (context.Properties.Items.TryGetValue(IdTokenHintItem, out var hint) && hint is not null)
            {
                context.ProtocolMessage.IdTokenHint = hint;
            }
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = async context =>
        {
            var reason = OidcFailures.Describe(context.Failure);
            loggers.CreateLogger<OidcHandlerSetup>().LogWarning(context.Failure, "Sign-in with {Provider} failed: {Reason}", oidc.DisplayName, reason);
            context.HandleResponse();
            // Nobody is known yet: the provider's answer was refused before it named anyone.
            await ProviderAudit.FailedAsync(context.HttpContext, oidc.DisplayName, null, reason);
            var returnUrl = context.Properties?.Items.TryGetValue(ReturnUrlItem, out var url) == true ? url : null;
            await SignInPage.WithError(context.HttpContext, $"Sign-in with {oidc.DisplayName} failed: {reason}", returnUrl).ExecuteAsync(context.HttpContext);
        };
    }
}
