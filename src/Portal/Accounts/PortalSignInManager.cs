using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Accounts.SingleSignOn;
using Portal.Audit;
using Portal.Data;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

/// <summary>
/// Rejected and disabled accounts cannot sign in, and their existing cookies fail the
/// security-stamp check. Pending accounts sign in; the authorization policies keep them out.
/// <c>Authentication:LocalAccounts</c> decides whose password still works (docs/decisions/011); a session that
/// signed in through the provider has its groups re-read at each stamp check.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    LocalAccountsPolicy localAccounts,
    ProviderSessionCheck providerSessions,
    IOptions<OidcOptions> oidc,
    AuditLog audit)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public static bool IsLockedOutOfPortal(ApplicationUser user) =>
        user.Status is AccountStatus.Rejected or AccountStatus.Disabled;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !IsLockedOutOfPortal(user) && await base.CanSignInAsync(user);

    /// <summary>A name no account has fails like a wrong password, and is recorded all the same (someone guessing names).</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await audit.RecordAsync(AuditActions.SignInFailed, new AuditObject("account", null, userName), "no such account", actor: (null, userName));
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await localAccounts.AllowsPasswordAsync(user)
            ? await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure)
            : SignInResult.NotAllowed;
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            var account = (user.Id, user.Email ?? user.Id);
            await audit.RecordAsync(result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed,
                AuditObject.Account(user.Id, user.Email), result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed to sign in" : "wrong password",
                actor: account);
        }
        return result;
    }

    public override async Task<bool> ValidateSecurityStampAsync(ApplicationUser? user, string? securityStamp) =>
        user is not null && !IsLockedOutOfPortal(user) && await base.ValidateSecurityStampAsync(user, securityStamp);

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        if (user is null || principal is null)
        {
            return user;
        }
        var viaProvider = principal.HasClaim(ClaimTypes.AuthenticationMethod, OidcOptions.Scheme);
        if (!viaProvider)
        {
            // A password (or registration) session of someone whose password no longer counts ends here.
            return await localAccounts.AllowsPasswordAsync(user) ? user : null;
        }
        return !oidc.Value.Enabled || await providerSessions.IsStillValidAsync(user) ? user : null;
    }
}
