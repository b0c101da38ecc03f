using Portal.Accounts;
using Portal.Contracts.Accounts;

namespace Portal.Tests.Unit.Accounts;

public sealed class LastAdminTests
{
    [Fact]
    public async Task The_last_admin_cannot_revoke_their_own_admin_role()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);
        var admin = await scope.RegisterAsync("admin@example.com");

        var result = await scope.Accounts.RevokeAdminAsync(admin.Id);

        Assert.Equal(AccountOutcome.Refused, result.Outcome);
        Assert.Contains("last Admin", result.Message);
        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(admin));
    }

    [Fact]
    public async Task The_last_admin_cannot_be_disabled_and_keeps_signing_in()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);
        var admin = await scope.RegisterAsync("admin@example.com");
        var stampBefore = (await scope.ReloadAsync(admin)).SecurityStamp;

        var result = await scope.Accounts.DisableAsync(admin.Id, "admin@example.com");

        Assert.Equal(AccountOutcome.Refused, result.Outcome);
        var after = await scope.ReloadAsync(admin);
        Assert.Equal(AccountStatus.Approved, after.Status);
        Assert.Equal(stampBefore, after.SecurityStamp);
        Assert.True(await scope.SignIn.CanSignInAsync(after));
    }

    [Fact]
    public async Task An_admin_can_be_revoked_while_another_admin_remains()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);
        var first = await scope.RegisterAsync("admin@example.com");
        var second = await scope.RegisterAsync("second@example.com");
        await scope.Accounts.ApproveAsync(second.Id, "admin@example.com");
        Assert.True((await scope.Accounts.GrantAdminAsync(second.Id)).Succeeded);

        var result = await scope.Accounts.RevokeAdminAsync(first.Id);

        Assert.True(result.Succeeded, result.Message);
        Assert.DoesNotContain(PortalRoles.Admin, await scope.RolesAsync(first));
        // Now the second admin is the last one.
        Assert.Equal(AccountOutcome.Refused, (await scope.Accounts.RevokeAdminAsync(second.Id)).Outcome);
    }

    [Fact]
    public async Task A_revoked_admin_loses_the_session_that_still_claims_the_admin_role()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);
        var first = await scope.RegisterAsync("admin@example.com");
        var second = await scope.RegisterAsync("second@example.com");
        await scope.Accounts.ApproveAsync(second.Id, "admin@example.com");
        await scope.Accounts.GrantAdminAsync(second.Id);
        var adminSession = await scope.PrincipalAsync(second);

        await scope.Accounts.RevokeAdminAsync(second.Id);

        Assert.Null(await scope.SignIn.ValidateSecurityStampAsync(adminSession));
        Assert.NotNull(first);
    }
}
