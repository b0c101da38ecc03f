using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

// What an admin does to an account's status: approve, reject, disable, enable.
public sealed partial class AccountService
{
    public Task<AccountResult> ApproveAsync(string userId, string actorEmail) => ChangeAsync(userId, AuditActions.AccountApprove, async user =>
    {
        if (user.Status is not (AccountStatus.Pending or AccountStatus.Rejected))
        {
            return AccountResult.Refused($"{user.Email} is {user.Status}; only pending or rejected accounts can be approved.");
        }
        SetStatus(user, AccountStatus.Approved, actorEmail);
        await Check(users.UpdateAsync(user));
        if (!await users.IsInRoleAsync(user, PortalRoles.User))
        {
            await Check(users.AddToRoleAsync(user, PortalRoles.User));
        }
        return AccountResult.Done($"{user.Email} is approved.");
    }, onDone: notifications.Approved);

    public Task<AccountResult> RejectAsync(string userId, string actorEmail) => ChangeAsync(userId, AuditActions.AccountReject, async user =>
    {
        if (user.Status != AccountStatus.Pending)
        {
            return AccountResult.Refused($"{user.Email} is {user.Status}; only pending accounts can be rejected.");
        }
        SetStatus(user, AccountStatus.Rejected, actorEmail);
        await Check(users.UpdateAsync(user));
        await Check(users.UpdateSecurityStampAsync(user));
        return AccountResult.Done($"{user.Email} is rejected.");
    });

    public Task<AccountResult> DisableAsync(string userId, string actorEmail) => ChangeAsync(userId, AuditActions.AccountDisable, async user =>
    {
        if (user.Status != AccountStatus.Approved)
        {
            return AccountResult.Refused($"{user.Email} is {user.Status}; only approved accounts can be disabled.");
        }
        if (await IsLastAdminAsync(user))
        {
            return LastAdmin(user);
        }
        SetStatus(user, AccountStatus.Disabled, actorEmail);
        await Check(users.UpdateAsync(user));
        await Check(users.UpdateSecurityStampAsync(user));
        return AccountResult.Done($"{user.Email} is disabled.");
    });

    public Task<AccountResult> EnableAsync(string userId, string actorEmail) => ChangeAsync(userId, AuditActions.AccountEnable, async user =>
    {
        if (user.Status != AccountStatus.Disabled)
        {
            return AccountResult.Refused($"{user.Email} is {user.Status}; only disabled accounts can be enabled.");
        }
        SetStatus(user, AccountStatus.Approved, actorEmail);
        await Check(users.UpdateAsync(user));
        return AccountResult.Done($"{user.Email} is enabled.");
    });
}
