using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Accounts.SingleSignOn;
using Portal.Client.Accounts;
using Portal.Client.Admin;
using Portal.Data;
using Portal.Notifications;

namespace Portal.Accounts;

/// <summary>
/// The approval workflow: every new account is Pending until an admin approves or rejects it;
/// the configured admin email (or else the very first account) is approved as Admin at once;
/// the last approved Admin can never be demoted or disabled.
/// </summary>
public sealed class AccountService(
    UserManager<ApplicationUser> users,
    PortalDbContext db,
    IAccountNotifications notifications,
    IOptions<PortalOptions> options,
    SignInMethods signInMethods,
    TimeProvider clock,
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

    public Task<AccountResult> ApproveAsync(string userId, string actorEmail) => ChangeAsync(userId, async user =>
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

    public Task<AccountResult> RejectAsync(string userId, string actorEmail) => ChangeAsync(userId, async user =>
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

    public Task<AccountResult> DisableAsync(string userId, string actorEmail) => ChangeAsync(userId, async user =>
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

    public Task<AccountResult> EnableAsync(string userId, string actorEmail) => ChangeAsync(userId, async user =>
    {
        if (user.Status != AccountStatus.Disabled)
        {
            return AccountResult.Refused($"{user.Email} is {user.Status}; only disabled accounts can be enabled.");
        }
        SetStatus(user, AccountStatus.Approved, actorEmail);
        await Check(users.UpdateAsync(user));
        return AccountResult.Done($"{user.Email} is enabled.");
    });

    public Task<AccountResult> GrantAdminAsync(string userId) => ChangeAsync(userId, async user =>
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

    public Task<AccountResult> RevokeAdminAsync(string userId) => ChangeAsync(userId, async user =>
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

    private void SetStatus(ApplicationUser user, AccountStatus status, string? actorEmail)
    {
        user.Status = status;
        user.StatusChangedAt = clock.GetUtcNow();
        user.StatusChangedBy = actorEmail;
    }

    private async Task<AccountResult> ChangeAsync(
        string userId, Func<ApplicationUser, Task<AccountResult>> change, Action<ApplicationUser>? onDone = null)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.NotFound(userId);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        AccountResult result;
        try
        {
            result = await change(user);
        }
        catch (AccountChangeFailedException ex)
        {
            // e.g. another admin changed the account meanwhile (concurrency stamp): nothing is committed.
            return AccountResult.Refused($"{user.Email} could not be changed: {ex.Message} Reload and try again.");
        }
        if (!result.Succeeded)
        {
            return result;
        }
        await transaction.CommitAsync();
        logger.LogInformation("Account change: {Message}", result.Message);
        onDone?.Invoke(user);
        return result;
    }

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new AccountChangeFailedException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed class AccountChangeFailedException(string message) : Exception(message);
}
