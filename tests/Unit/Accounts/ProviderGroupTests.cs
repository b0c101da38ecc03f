using Portal.Accounts.SingleSignOn;
using Portal.Client.Accounts;
using static Portal.Tests.Unit.Accounts.ProviderAccounts;
using Portal.Contracts.Accounts;

namespace Portal.Tests.Unit.Accounts;

/// <summary>What the provider's groups decide: approval, Admin, and Admin taken away again (never from the last Admin).</summary>
public sealed class ProviderGroupTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private AccountScope scope = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(Settings());
        scope = AccountScope.Of(portal);
    }

    private async Task<Portal.Data.ApplicationUser> SignInAsync(string subject, params string[] groups)
    {
        var result = await scope.Get<ProviderSignIn>().SignInAsync(Said(subject, $"{subject}@example.com", true, groups));
        return await scope.ReloadAsync(result.User!);
    }

    [Fact]
    public async Task An_auto_approve_group_approves_a_new_account_at_once_and_says_so()
    {
        await scope.RegisterAsync(AdminEmail);

        var user = await SignInAsync("member", "other-group", UsersGroup);

        Assert.Equal(AccountStatus.Approved, user.Status);
        Assert.Equal($"group {UsersGroup}", user.StatusChangedBy);
        Assert.Equal([PortalRoles.User], await scope.RolesAsync(user));
        Assert.True(await scope.IsAllowedAsync(await scope.PrincipalAsync(user)));
    }

    [Fact]
    public async Task An_account_in_no_listed_group_waits_for_an_admin_like_a_registered_one()
    {
        await scope.RegisterAsync(AdminEmail);

        var user = await SignInAsync("stranger", "unrelated");

        Assert.Equal(AccountStatus.Pending, user.Status);
        Assert.False(await scope.IsAllowedAsync(await scope.PrincipalAsync(user)));
    }

    [Fact]
    public async Task An_admin_group_approves_and_makes_an_Admin_that_leaves_with_the_group()
    {
        await scope.RegisterAsync(AdminEmail);
        var boss = await SignInAsync("boss", AdminsGroup);
        Assert.True(boss.AdminFromGroup);
        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(boss));

        var after = await SignInAsync("boss", UsersGroup);

        Assert.Equal(AccountStatus.Approved, after.Status);
        Assert.False(after.AdminFromGroup);
        Assert.Equal([PortalRoles.User], await scope.RolesAsync(after));
        Assert.False(await scope.IsAllowedAsync(await scope.PrincipalAsync(after), PortalPolicies.Admin));
    }

    [Fact]
    public async Task An_Admin_granted_by_hand_keeps_it_without_the_group()
    {
        await scope.RegisterAsync(AdminEmail);
        var user = await SignInAsync("trusted", UsersGroup);
        Assert.True((await scope.Accounts.GrantAdminAsync(user.Id)).Succeeded);

        var after = await SignInAsync("trusted", UsersGroup);

        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(after));
    }

    [Fact]
    public async Task The_last_Admin_keeps_Admin_when_the_group_is_lost()
    {
        // No local admin: the group's Admin is the only one.
        var only = await SignInAsync("only", AdminsGroup);
        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(only));

        var after = await SignInAsync("only");

        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(after));
        Assert.Contains(portal.Logs.Entries, e => e.Message.Contains("is the last Admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Groups_never_overrule_an_admins_rejection_or_disabling()
    {
        await scope.RegisterAsync(AdminEmail);
        var rejected = await scope.Get<ProviderSignIn>().SignInAsync(Said("rejected", "rejected@example.com"));
        Assert.True((await scope.Accounts.RejectAsync(rejected.User!.Id, AdminEmail)).Succeeded);

        var after = await SignInAsync("rejected", AdminsGroup, UsersGroup);

        Assert.Equal(AccountStatus.Rejected, after.Status);
        Assert.Empty(await scope.RolesAsync(after));
    }

    [Fact]
    public async Task Revoking_a_group_Admin_by_hand_is_kept_until_the_group_grants_it_at_the_next_sign_in()
    {
        await scope.RegisterAsync(AdminEmail);
        var boss = await SignInAsync("boss2", AdminsGroup);

        Assert.True((await scope.Accounts.RevokeAdminAsync(boss.Id)).Succeeded);
        var revoked = await scope.ReloadAsync(boss);
        var again = await SignInAsync("boss2", AdminsGroup);

        Assert.False(revoked.AdminFromGroup);
        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(again));
        Assert.True(again.AdminFromGroup);
    }

    public async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await portal.DisposeAsync();
    }
}
