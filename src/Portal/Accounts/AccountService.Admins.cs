using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Data;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

// Admins: the first one, granting and revoking the role, and the last one, who can never be demoted or disabled.
public sealed partial class AccountService
{
    public Task<AccountResult> GrantAdminAsync(string userId) => ChangeAsync(userId, AuditActions.AccountGrantAdmin, async user =>
    {
        if (user.Status != AccountStatus.Approved)
        {
            return AccountResult.Refused($"{user.Email} is {user.Status}; approve the account before granting Admin.");
        }
        if (await users.IsInRoleAsync(user, PortalRoles.Admin))
        {
            return AccountResult.Refused($"{user.Email} is already an Admin.");
        }
        await Check(users.AddToRoleAsync(user, PortalRoles.Admin));
        return AccountResult.Done($"{user.Email} is now an Admin.");
    });

    public Task<AccountResult> RevokeAdminAsync(string userId) => ChangeAsync(userId, AuditActions.AccountRevokeAdmin, async user =>
    {
        if (!await users.IsInRoleAsync(user, PortalRoles.Admin))
        {
            return AccountResult.Refused($"{user.Email} is not an Admin.");
        }
        if (await IsLastAdminAsync(user))
        {
            return LastAdmin(user);
        }
        await Check(users.RemoveFromRoleAsync(user, PortalRoles.Admin));
        // A group grants it again at the next sign-in; until then it is the admin's decision.
        user.AdminFromGroup = false;
        // Signs the user out everywhere (and saves the user): the old cookie still claims the Admin role.
        await Check(users.UpdateSecurityStampAsync(user));
        return AccountResult.Done($"{user.Email} is no longer an Admin.");
    });

    private async Task<bool> IsFirstAdminAsync(ApplicationUser user, bool emailTrusted)
    {
        var adminEmail = options.Value.AdminEmail;
        if (!string.IsNullOrWhiteSpace(adminEmail))
        {
            return emailTrusted && string.Equals(users.NormalizeEmail(adminEmail), user.NormalizedEmail, StringComparison.Ordinal);
        }
        // The earliest account, by a total order, so two simultaneous first sign-ups cannot both (or neither) win.
        var firstId = await users.Users
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => u.Id)
            .FirstAsync();
        return firstId == user.Id && (await AdminIdsAsync(approvedOnly: false)).Count == 0;
    }

    private async Task ApproveAsAdminAsync(ApplicationUser user)
    {
        SetStatus(user, AccountStatus.Approved, actorEmail: null);
        await Check(users.UpdateAsync(user));
        await Check(users.AddToRolesAsync(user, [PortalRoles.User, PortalRoles.Admin]));
    }

    internal async Task<bool> IsLastAdminAsync(ApplicationUser user)
    {
        var admins = await AdminIdsAsync(approvedOnly: true);
        return admins.Contains(user.Id) && admins.Count <= 1;
    }

    private async Task<HashSet<string>> AdminIdsAsync(bool approvedOnly, CancellationToken cancellationToken = default)
    {
        var admins = await users.GetUsersInRoleAsync(PortalRoles.Admin);
        return admins.Where(a => !approvedOnly || a.Status == AccountStatus.Approved).Select(a => a.Id).ToHashSet();
    }

    private static AccountResult LastAdmin(ApplicationUser user) => AccountResult.Refused(
        $"{user.Email} is the last Admin; grant Admin to another approved account first.");
}
