using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Accounts.SingleSignOn;

/// <summary>Single sign-on through one OpenID Connect provider, and the <c>Authentication:LocalAccounts</c> switch (docs/decisions/011).</summary>
public static class SingleSignOnSetup
{
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section))
            .Validate(o => o.Enabled || (string.IsNullOrWhiteSpace(o.ClientId) && o.AdminGroups.Length == 0 && o.AutoApproveGroups.Length == 0),
                "Authentication:Oidc:ClientId and the groups need Authentication:Oidc:Authority, the provider's issuer URL.")
            .Validate(o => !o.Enabled || IsHttpUrl(o.Authority), "Authentication:Oidc:Authority must be an http(s) URL: the provider's issuer.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ClientId), "Authentication:Oidc:ClientId is required with Authentication:Oidc:Authority.")
            .Validate(o => !o.Enabled || o.RequireHttpsMetadata || IsLoopback(o.Authority),
                "Authentication:Oidc:RequireHttpsMetadata may be false only for a provider on a loopback address.")
            .Validate(o => !o.Enabled || !o.RequireHttpsMetadata || o.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
                "Authentication:Oidc:Authority must be https (or, for a loopback provider only, set Authentication:Oidc:RequireHttpsMetadata to false).")
            .Validate(o => !o.Enabled || o.ScopeList.Contains("openid"), "Authentication:Oidc:Scopes must include openid (space-separated, e.g. \"openid profile email\").")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DisplayName), "Authentication:Oidc:DisplayName must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.GroupsClaim), "Authentication:Oidc:GroupsClaim must not be empty.")
            .Validate(o => o.AdminGroups.Concat(o.AutoApproveGroups).All(g => !string.IsNullOrWhiteSpace(g)),
                "Authentication:Oidc:AdminGroups and AutoApproveGroups must not list empty group names.")
            .ValidateOnStart();
        services.AddOptions<LocalAccountsOptions>().Bind(configuration.GetSection(LocalAccountsOptions.Section))
            .Validate(o => o.Mode is not null, "Authentication:LocalAccounts must be true, false or adminsOnly.")
            .Validate<IOptions<OidcOptions>>((o, oidc) => o.EffectiveMode == LocalAccountsMode.On || oidc.Value.Enabled,
                "Authentication:LocalAccounts may be false or adminsOnly only with a provider (Authentication:Oidc:Authority): else nobody could sign in.")
            .Validate(o => string.IsNullOrWhiteSpace(o.BreakGlassAdmin) || System.Net.Mail.MailAddress.TryCreate(o.BreakGlassAdmin.Trim(), out _),
                "Authentication:BreakGlassAdmin must be an email address or empty.")
            .Validate(o => string.IsNullOrEmpty(o.BreakGlassPassword) || !string.IsNullOrWhiteSpace(o.BreakGlassAdmin),
                "Authentication:BreakGlassPassword needs Authentication:BreakGlassAdmin, the account it creates.")
            .ValidateOnStart();

        services.AddScoped<LocalAccountsPolicy>();
        services.AddScoped<SignInMethods>();
        services.AddScoped<GroupRules>();
        services.AddScoped<ProviderSignIn>();
        services.AddScoped<ProviderTokens>();
        services.AddScoped<ProviderGroupsReader>();
        services.AddScoped<ProviderSessionCheck>();
        services.AddSingleton<ProviderSessionAnswers>();
        services.AddHostedService<BreakGlassAccount>();
        // A refreshed cookie keeps how the session signed in: sign-out and the stamp check depend on it.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = KeepSignInMethod);

        // Read now, not from options: the scheme exists only when a provider is configured (an unconfigured remote
        // handler would fail every request).
        if (configuration.GetSection(OidcOptions.Section).Get<OidcOptions>()?.Enabled == true)
        {
            services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, configuration[$"{OidcOptions.Section}:DisplayName"] ?? "Single sign-on", _ => { });
            services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, OidcHandlerSetup>();
        }
        return services;
    }

    /// <summary>The provider's endpoints, and the register page gone unless local accounts are on.</summary>
    public static WebApplication MapSingleSignOn(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/Account/Register")
                && !context.RequestServices.GetRequiredService<LocalAccountsPolicy>().AllowsRegistration)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next();
        });
        if (app.Services.GetRequiredService<IOptions<OidcOptions>>().Value.Enabled)
        {
            app.MapProviderEndpoints();
        }
        return app;
    }

    private static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.FindAll(c => c.Type is ClaimTypes.AuthenticationMethod or "amr"))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }
        return Task.CompletedTask;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsLoopback(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}
