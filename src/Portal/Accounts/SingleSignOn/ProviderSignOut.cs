using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// Sign-out: the portal's cookie always; for a session that signed in through the provider, also the provider's
/// session, through its end-session endpoint when its discovery document lists one (and the provider answers).
/// </summary>
public static class ProviderSignOut
{
    public static async Task<IResult> SignOutAsync(HttpContext context, string? returnUrl)
    {
        var services = context.RequestServices;
        var local = SignInPage.LocalOrHome(returnUrl, context.Request);
        var viaProvider = services.GetRequiredService<IOptions<OidcOptions>>().Value.Enabled
                          && context.User.HasClaim(ClaimTypes.AuthenticationMethod, OidcOptions.Scheme);
        var idToken = viaProvider ? await context.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token") : null;
        await services.GetRequiredService<SignInManager<ApplicationUser>>().SignOutAsync();
        if (!viaProvider || !await OffersEndSessionAsync(services))
        {
            return TypedResults.LocalRedirect(local);
        }
        var properties = new AuthenticationProperties { RedirectUri = local };
        properties.Items[OidcHandlerSetup.IdTokenHintItem] = idToken;
        return TypedResults.SignOut(properties, [OidcOptions.Scheme]);
    }

    private static async Task<bool> OffersEndSessionAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcOptions.Scheme);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(timeout.Token);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException)
        {
            // The provider is down: the portal session is over all the same; the provider's ends on its own.
            services.GetRequiredService<ILogger<OidcOptions>>().LogWarning(e, "Signed out of the portal only: the provider could not be asked for its end-session endpoint.");
            return false;
        }
    }
}
