using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

/// <summary>
/// Rejected and disabled accounts cannot sign in, and their existing cookies fail the
/// security-stamp check. Pending accounts sign in; the authorization policies keep them out.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public static bool IsLockedOutOfPortal(ApplicationUser user) =>
        user.Status is AccountStatus.Rejected or AccountStatus.Disabled;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !IsLockedOutOfPortal(user) && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(ApplicationUser? user, string? securityStamp) =>
        user is not null && !IsLockedOutOfPortal(user) && await base.ValidateSecurityStampAsync(user, securityStamp);
}
