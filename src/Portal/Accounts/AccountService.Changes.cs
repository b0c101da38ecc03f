using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Data;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

// How every account change is made: in one transaction, with Identity's errors turned into a refusal, then logged.
public sealed partial class AccountService
{
    private void SetStatus(ApplicationUser user, AccountStatus status, string? actorEmail)
    {
        user.Status = status;
        user.StatusChangedAt = clock.GetUtcNow();
        user.StatusChangedBy = actorEmail;
    }

    /// <param name="action">The audit log's name for the change (<see cref="AuditActions"/>); recorded in the same transaction.</param>
    private async Task<AccountResult> ChangeAsync(
        string userId, string action, Func<ApplicationUser, Task<AccountResult>> change, Action<ApplicationUser>? onDone = null)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.NotFound(userId);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        AccountResult result;
        var before = user.Status;
        try
        {
            result = await change(user);
            if (result.Succeeded)
                await audit.RecordAsync(action, AuditObject.Account(user.Id, user.Email), AccountChange(action, before, user.Status));
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

    private static string AccountChange(string action, AccountStatus before, AccountStatus after) => action switch
    {
        AuditActions.AccountGrantAdmin => "role Admin: granted",
        AuditActions.AccountRevokeAdmin => "role Admin: revoked",
        _ => $"status: {before} → {after}",
    };

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
