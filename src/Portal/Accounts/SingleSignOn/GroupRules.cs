using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Contracts.Accounts;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// What a provider account's groups decide, at every sign-in and every security-stamp check: a pending account in
/// an auto-approve or admin group is approved; an admin group makes an approved account Admin; an account that got
/// Admin from a group loses it with the group, unless it is the last Admin. An admin's own decisions stand:
/// rejected and disabled accounts stay so, and an Admin granted by hand keeps it.
/// </summary>
public sealed class GroupRules(
    UserManager<ApplicationUser> users,
    AccountService accounts,
    IOptions<OidcOptions> options,
    TimeProvider clock,
    ILogger<GroupRules> logger)
{
    /// <returns>True when the account's status or roles changed.</returns>
    public async Task<bool> ApplyAsync(ApplicationUser user, IReadOnlySet<string> groups)
    {
        var adminGroup = options.Value.AdminGroups.FirstOrDefault(groups.Contains);
        var approvingGroup = adminGroup ?? options.Value.AutoApproveGroups.FirstOrDefault(groups.Contains);
        var changed = false;

        if (user.Status == AccountStatus.Pending && approvingGroup is not null)
        {
            user.Status = AccountStatus.Approved;
            user.StatusChangedAt = clock.GetUtcNow();
            user.StatusChangedBy = $"group {approvingGroup}";
            await Check(users.UpdateAsync(user));
            await Check(users.AddToRoleAsync(user, PortalRoles.User));
            logger.LogInformation("{Email} was approved by the provider group {Group}.", user.Email, approvingGroup);
            changed = true;
        }

        var isAdmin = await users.IsInRoleAsync(user, PortalRoles.Admin);
        if (adminGroup is not null && !isAdmin && user.Status == AccountStatus.Approved)
        {
            user.AdminFromGroup = true;
            await Check(users.AddToRoleAsync(user, PortalRoles.Admin));
            logger.LogInformation("{Email} is an Admin through the provider group {Group}.", user.Email, adminGroup);
            changed = true;
        }
        else if (adminGroup is null && isAdmin && user.AdminFromGroup)
        {
            if (await accounts.IsLastAdminAsync(user))
            {
                logger.LogWarning("{Email} left every admin group but is the last Admin, so keeps Admin until another account has it.", user.Email);
            }
            else
            {
                user.AdminFromGroup = false;
                // No new security stamp: each cookie rebuilds its roles at its next check (this one at once) and stays
                // signed in; an interactive circuit that still claims Admin ends (IdentityRevalidatingAuthenticationStateProvider).
                await Check(users.RemoveFromRoleAsync(user, PortalRoles.Admin));
                logger.LogInformation("{Email} left every admin group and is no longer an Admin.", user.Email);
                changed = true;
            }
        }
        return changed;
    }

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
