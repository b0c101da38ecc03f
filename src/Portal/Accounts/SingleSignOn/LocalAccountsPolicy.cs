using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Contracts.Accounts;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary><c>Authentication:LocalAccounts</c>: who may register, and whose password still signs in.</summary>
public sealed class LocalAccountsPolicy(IOptions<LocalAccountsOptions> options, IOptions<OidcOptions> oidc, UserManager<ApplicationUser> users)
{
    public LocalAccountsMode Mode => options.Value.EffectiveMode;

    public bool AllowsRegistration => Mode == LocalAccountsMode.On;

    /// <summary>Also asked at every security-stamp check of a password session, so switching the mode ends the others' sessions.</summary>
    public async Task<bool> AllowsPasswordAsync(ApplicationUser user) => Mode switch
    {
        LocalAccountsMode.On => true,
        LocalAccountsMode.AdminsOnly => await IsApprovedAdminAsync(user),
        _ => options.Value.IsBreakGlass(user.Email) && await IsApprovedAdminAsync(user),
    };

    /// <summary>What the sign-in page says to someone whose password is right but may not be used.</summary>
    public string Refusal => Mode == LocalAccountsMode.AdminsOnly
        ? $"Password sign-in is for administrators only: use \"{oidc.Value.ButtonText}\"."
        : $"Password sign-in is turned off: use \"{oidc.Value.ButtonText}\".";

    /// <summary>The sign-in page's line under the password form, when it is not for everyone.</summary>
    public string? PasswordFormNote => Mode switch
    {
        LocalAccountsMode.AdminsOnly => "Password sign-in is for administrators.",
        LocalAccountsMode.Off => "Password sign-in is for the break-glass administrator only.",
        _ => null,
    };

    private async Task<bool> IsApprovedAdminAsync(ApplicationUser user) =>
        user.Status == AccountStatus.Approved && await users.IsInRoleAsync(user, PortalRoles.Admin);
}
