using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Accounts.SingleSignOn;
using Portal.Audit;
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
    SignInMethods signInMethods,
    TimeProvider clock,
    AuditLog audit,
    ILogger<AccountService> logger)
{
    public async Task<(IdentityResult Result, ApplicationUser User)> RegisterAsync(string email, string password)
    {
        var user = NewUser(email, emailConfirmed: false);
        var result = await CreateAsync(user, password, emailTrusted: true);
        if (result.Succeeded)
        {
            notifications.SignedUp(user);
        }
        return (result, user);
    }

    public ApplicationUser NewUser(string email, bool emailConfirmed) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = emailConfirmed,
        Status = AccountStatus.Pending,
        CreatedAt = clock.GetUtcNow(),
    };

    /// <summary>
    /// Creates an account (without a password for a provider account); the caller announces the sign-up once it is kept.
    /// <paramref name="emailTrusted"/>: the address may claim <c>Portal:AdminEmail</c> (a provider's unverified email may not).
    /// <paramref name="asAdmin"/>: the break-glass admin, an approved Admin whatever the rule.
    /// </summary>
    internal async Task<IdentityResult> CreateAsync(ApplicationUser user, string? password, bool emailTrusted, bool asAdmin = false)
    {
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }

        if (asAdmin || await IsFirstAdminAsync(user, emailTrusted))
        {
            await ApproveAsAdminAsync(user);
            logger.LogInformation("{Email} registered and became an approved Admin.", user.Email);
        }
        else
        {
            logger.LogInformation("{Email} registered and awaits approval.", user.Email);
        }
        await audit.RecordAsync(AuditActions.AccountRegister, AuditObject.Account(user.Id, user.Email),
            $"status: {user.Status}{(user.Status == AccountStatus.Approved ? ", Admin" : "")}", actor: (user.Id, user.Email ?? user.Id));
        return result;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var adminIds = await AdminIdsAsync(approvedOnly: false, cancellationToken);
        var all = await users.Users.AsNoTracking().ToListAsync(cancellationToken);
        var methods = await signInMethods.DescribeAsync(all, cancellationToken);
        return all
            .OrderBy(u => u.Status != AccountStatus.Pending)
            .ThenBy(u => u.CreatedAt)
            .Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? u.Id, u.Status, adminIds.Contains(u.Id),
                u.CreatedAt, u.StatusChangedAt, u.StatusChangedBy, methods[u.Id]))
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
