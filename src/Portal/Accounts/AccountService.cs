using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Notifications;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;

namespace Portal.Accounts;

/// <summary>
/// The approval workflow: every new account is Pending until an admin approves or rejects it;
/// the configured admin email (or else the very first account) is approved as Admin at once;
/// the last approved Admin can never be demoted or disabled.
/// </summary>
public sealed partial class AccountService(
    UserManager<ApplicationUser> users,
    PortalDbContext db,
    IAccountNotifications notifications,
    IOptions<PortalOptions> options,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public async Task<(IdentityResult Result, ApplicationUser User)> RegisterAsync(string email, string password)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            Status = AccountStatus.Pending,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return (result, user);
        }

        if (await IsFirstAdminAsync(user))
        {
            await ApproveAsAdminAsync(user);
            logger.LogInformation("{Email} registered and became an approved Admin.", email);
        }
        else
        {
            logger.LogInformation("{Email} registered and awaits approval.", email);
        }
        notifications.SignedUp(user);
        return (result, user);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var adminIds = await AdminIdsAsync(approvedOnly: false, cancellationToken);
        var all = await users.Users.AsNoTracking().ToListAsync(cancellationToken);
        return all
            .OrderBy(u => u.Status != AccountStatus.Pending)
            .ThenBy(u => u.CreatedAt)
            .Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? u.Id, u.Status, adminIds.Contains(u.Id),
                u.CreatedAt, u.StatusChangedAt, u.StatusChangedBy))
            .ToList();
    }

    public Task<AccountResult> ApplyAsync(string userId, UserAction action, string actorEmail) => action switch
    {
        UserAction.Approve => ApproveAsync(userId, actorEmail),
        UserAction.Reject => RejectAsync(userId, actorEmail),
        UserAction.Disable => DisableAsync(userId, actorEmail),
        UserAction.Enable => EnableAsync(userId, actorEmail),
        UserAction.GrantAdmin => GrantAdminAsync(userId),
        UserAction.RevokeAdmin => RevokeAdminAsync(userId),
        _ => Task.FromResult(AccountResult.Refused($"Unknown action {action}.")),
    };
}
