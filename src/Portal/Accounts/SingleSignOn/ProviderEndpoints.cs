using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Contracts.Accounts;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// The sign-in button's target (<c>POST /Account/ExternalLogin</c>) and the page the provider's answer lands on once
/// the handler has checked it (<c>/Account/ExternalLogin/Callback</c>): link or create the account, apply its
/// groups, keep the provider's tokens, and sign in with the portal's own cookie.
/// </summary>
internal static class ProviderEndpoints
{
    public const string ChallengePath = "/Account/ExternalLogin";

    public static void MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ChallengePath, ChallengeAsync).ExcludeFromDescription();
        app.MapGet(ChallengePath + "/Callback", CallbackAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ChallengeAsync(
        [FromForm] string? returnUrl, HttpContext context, SignInManager<ApplicationUser> signIn,
        IOptions<OidcOptions> oidc, IOptionsMonitor<OpenIdConnectOptions> handler, CancellationToken cancellationToken)
    {
        var name = oidc.Value.DisplayName;
        // Asked now, not when the provider's page fails to load: the message belongs on our sign-in page.
        if (await ProviderProbe.ProblemAsync(handler.Get(OidcOptions.Scheme), cancellationToken) is { } problem)
        {
            return SignInPage.WithError(context, $"{name} cannot be reached right now ({problem}). Try again in a few minutes.", returnUrl);
        }
        var callback = $"{ChallengePath}/Callback?returnUrl={Uri.EscapeDataString(SignInPage.LocalOrHome(returnUrl, context.Request))}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, callback);
        properties.Items[OidcHandlerSetup.ReturnUrlItem] = returnUrl;
        return TypedResults.Challenge(properties, [OidcOptions.Scheme]);
    }

    private static async Task<IResult> CallbackAsync(
        string? returnUrl, HttpContext context, SignInManager<ApplicationUser> signIn, ProviderSignIn accounts,
        ProviderTokens tokens, ProviderSessionCheck sessions, IOptions<OidcOptions> oidc)
    {
        var name = oidc.Value.DisplayName;
        var info = await signIn.GetExternalLoginInfoAsync();
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        var account = info is null ? null : ProviderAccount.From(info.Principal, oidc.Value.GroupsClaim);
        if (info is null || account is null)
        {
            return SignInPage.WithError(context, $"The sign-in with {name} did not complete. Try again.", returnUrl);
        }

        ProviderSignInResult result;
        try
        {
            result = await accounts.SignInAsync(account);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            // Two first sign-ins of one person at once, or an admin changing the account meanwhile.
            context.RequestServices.GetRequiredService<ILogger<OidcOptions>>().LogWarning(e, "The account of {Subject} could not be prepared.", account.Subject);
            return SignInPage.WithError(context, "The account changed while it was being prepared. Try again.", returnUrl);
        }
        var who = account.Email ?? account.Subject;
        if (result.User is not { } user)
        {
            await ProviderAudit.FailedAsync(context, name, who, result.Refusal!);
            return SignInPage.WithError(context, result.Refusal!, returnUrl);
        }
        if (user.Status is AccountStatus.Rejected or AccountStatus.Disabled)
        {
            var refusal = $"An administrator {(user.Status == AccountStatus.Rejected ? "rejected" : "disabled")} this account.";
            await ProviderAudit.FailedAsync(context, name, user.Email ?? who, refusal);
            return SignInPage.WithError(context, refusal, returnUrl);
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            const string locked = "This account is locked after too many failed password attempts. Try again later.";
            await ProviderAudit.FailedAsync(context, name, user.Email ?? who, locked);
            return SignInPage.WithError(context, locked, returnUrl);
        }

        var providerTokens = info.AuthenticationTokens?.ToList() ?? [];
        await tokens.SaveAsync(user, providerTokens);
        sessions.Answered(user.Id);
        // The ID token stays with this session only: sign-out hands it back to the provider (id_token_hint).
        var properties = new AuthenticationProperties();
        properties.StoreTokens(providerTokens.Where(t => t.Name == "id_token"));
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(ClaimTypes.AuthenticationMethod, OidcOptions.Scheme)]);
        return TypedResults.LocalRedirect(user.Status == AccountStatus.Pending ? "/pending" : SignInPage.LocalOrHome(returnUrl, context.Request));
    }
}
