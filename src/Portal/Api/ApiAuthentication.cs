using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Contracts.Accounts;

namespace Portal.Api;

/// <summary>
/// How <c>/api</c> callers prove who they are: the sign-in cookie (the pages) or a personal access token
/// (scripts). A policy scheme picks the token handler when an <c>/api</c> request carries a bearer token and
/// the cookie otherwise, so the pages and Identity behave exactly as before. Failed token attempts are
/// counted per client address, and refused 429 before any lookup past <see cref="ApiOptions.FailedTokenLimit"/> (AttemptLimits).
/// </summary>
public static class ApiAuthentication
{
    public const string CookieOrToken = "CookieOrToken";

    /// <summary>Approved users signed in with the cookie: what may manage tokens.</summary>
    public const string BrowserSessionPolicy = "BrowserSession";

    public static IServiceCollection AddPortalApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(CookieOrToken, "Sign-in cookie or personal access token", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, "Personal access token", null);
        // Replaces the cookie as the default set in AddPortalAccounts; the selector still sends everything but /api bearer calls to it.
        services.Configure<AuthenticationOptions>(o => o.DefaultScheme = CookieOrToken);
        services.AddAuthorizationBuilder().AddPolicy(BrowserSessionPolicy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(PortalRoles.User, PortalRoles.Admin));

        return services;
    }

    private static string SelectScheme(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? BearerTokenHandler.SchemeName
            : IdentityConstants.ApplicationScheme;
}
