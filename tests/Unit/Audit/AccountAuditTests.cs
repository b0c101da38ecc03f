using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;

namespace Portal.Tests.Unit.Audit;

/// <summary>Every account change an admin makes is recorded with the account and what changed; a refused change is not.</summary>
public sealed class AccountAuditTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private AccountScope scope = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Portal:AdminEmail"] = "admin@example.com" });
        scope = AccountScope.Of(portal);
    }

    public async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task Register_approve_reject_disable_enable_and_admin_changes_are_recorded_and_refusals_are_not()
    {
        await scope.RegisterAsync("admin@example.com");
        var user = await scope.RegisterAsync("user@example.com");
        var other = await scope.RegisterAsync("other@example.com");

        Assert.True((await scope.Accounts.ApproveAsync(user.Id, "admin@example.com")).Succeeded);
        Assert.True((await scope.Accounts.RejectAsync(other.Id, "admin@example.com")).Succeeded);
        Assert.False((await scope.Accounts.RejectAsync(other.Id, "admin@example.com")).Succeeded);
        Assert.True((await scope.Accounts.GrantAdminAsync(user.Id)).Succeeded);
        Assert.True((await scope.Accounts.RevokeAdminAsync(user.Id)).Succeeded);
        Assert.True((await scope.Accounts.DisableAsync(user.Id, "admin@example.com")).Succeeded);
        Assert.True((await scope.Accounts.EnableAsync(user.Id, "admin@example.com")).Succeeded);

        var entries = await scope.Get<PortalDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.ObjectName, a.Changes, a.Actor }).ToListAsync();

        Assert.Equal(
        [
            (AuditActions.AccountRegister, "admin@example.com", "status: Approved, Admin"),
            (AuditActions.AccountRegister, "user@example.com", "status: Pending"),
            (AuditActions.AccountRegister, "other@example.com", "status: Pending"),
            (AuditActions.AccountApprove, "user@example.com", "status: Pending → Approved"),
            (AuditActions.AccountReject, "other@example.com", "status: Pending → Rejected"),
            (AuditActions.AccountGrantAdmin, "user@example.com", "role Admin: granted"),
            (AuditActions.AccountRevokeAdmin, "user@example.com", "role Admin: revoked"),
            (AuditActions.AccountDisable, "user@example.com", "status: Approved → Disabled"),
            (AuditActions.AccountEnable, "user@example.com", "status: Disabled → Approved"),
        ], entries.Select(e => (e.Action, e.ObjectName!, e.Changes!)));
        // A registration names the new account; changes made outside a request are the system's.
        Assert.Equal(["admin@example.com", "user@example.com", "other@example.com", "system"], entries.Take(4).Select(e => e.Actor));
    }
}
