using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Notifications;
using Portal.Accounts.SingleSignOn;
using Portal.Client.Accounts;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

/// <summary>
/// Accounts: ASP.NET Core Identity on the portal's database, the sign-in cookie, approval, the roles' policies and
/// single sign-on through an OpenID Connect provider (<see cref="SingleSignOnSetup"/>).
/// </summary>
public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(PortalCookies.Configure);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = PortalCookies.RevalidationInterval);
        services.AddAuthorization(o => o.AddPortalPolicies());

        services.AddIdentityCore<ApplicationUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PortalIdentityErrorDescriber>();
        // The admin's approval is the gate; confirming an email only makes sense when mail can be sent.
        services.AddOptions<IdentityOptions>().Configure<IOptions<NotificationOptions>>(
            (identity, notifications) => identity.SignIn.RequireConfirmedAccount = notifications.Value.Smtp.IsConfigured);

        services.AddScoped<AccountService>();
        services.AddScoped<PageCaller>();
        services.AddSingleSignOn(configuration);
        return services;
    }

    /// <summary>The provider's endpoints and the register page's gate (after authentication), then <c>/api/account</c>.</summary>
    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapSingleSignOn();
        app.MapAccountsApi();
        return app;
    }
}
