using Portal.Accounts;
using Portal.Client.Accounts;
using Portal.Contracts.Accounts;

namespace Portal.Tests.Unit.Accounts;

public sealed class ApprovalRulesTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.com";
    private PortalServices portal = default!;
    private AccountScope scope = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Portal:AdminEmail"] = AdminEmail });
        scope = AccountScope.Of(portal);
        await scope.RegisterAsync(AdminEmail);
    }

    [Fact]
    public async Task A_pending_account_signs_in_but_only_the_signed_in_policy_admits_it()
    {
        var pending = await scope.RegisterAsync("pending@example.com");
        var principal = await scope.PrincipalAsync(pending);

        Assert.True(await scope.SignIn.CanSignInAsync(await scope.ReloadAsync(pending)));
        Assert.True(await scope.IsAllowedAsync(principal, PortalPolicies.SignedIn));
        Assert.False(await scope.IsAllowedAsync(principal), "The default policy (every page and API) refuses a pending account.");
        Assert.False(await scope.IsAllowedAsync(principal, PortalPolicies.Admin));
    }

    [Fact]
    public async Task Approving_gives_the_user_role_so_the_default_policy_admits_the_account()
    {
        var user = await scope.RegisterAsync("user@example.com");

        var result = await scope.Accounts.ApproveAsync(user.Id, AdminEmail);

        Assert.True(result.Succeeded, result.Message);
        var approved = await scope.ReloadAsync(user);
        Assert.Equal(AccountStatus.Approved, approved.Status);
        Assert.Equal(AdminEmail, approved.StatusChangedBy);
        Assert.Equal([PortalRoles.User], await scope.RolesAsync(user));
        var principal = await scope.PrincipalAsync(user);
        Assert.True(await scope.IsAllowedAsync(principal));
        Assert.False(await scope.IsAllowedAsync(principal, PortalPolicies.Admin));
    }

    [Fact]
    public async Task A_rejected_account_cannot_sign_in_and_its_existing_session_stops_working()
    {
        var user = await scope.RegisterAsync("user@example.com");
        var session = await scope.PrincipalAsync(user);

        var result = await scope.Accounts.RejectAsync(user.Id, AdminEmail);

        Assert.True(result.Succeeded, result.Message);
        var rejected = await scope.ReloadAsync(user);
        Assert.Equal(AccountStatus.Rejected, rejected.Status);
        Assert.False(await scope.SignIn.CanSignInAsync(rejected));
        Assert.Null(await scope.SignIn.ValidateSecurityStampAsync(session));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_enabling_it_lets_it_back_in()
    {
        var user = await scope.RegisterAsync("user@example.com");
        await scope.Accounts.ApproveAsync(user.Id, AdminEmail);
        var session = await scope.PrincipalAsync(user);

        Assert.True((await scope.Accounts.DisableAsync(user.Id, AdminEmail)).Succeeded);
        Assert.False(await scope.SignIn.CanSignInAsync(await scope.ReloadAsync(user)));
        Assert.Null(await scope.SignIn.ValidateSecurityStampAsync(session));

        Assert.True((await scope.Accounts.EnableAsync(user.Id, AdminEmail)).Succeeded);
        Assert.True(await scope.SignIn.CanSignInAsync(await scope.ReloadAsync(user)));
    }

    [Fact]
    public async Task Only_pending_accounts_can_be_rejected()
    {
        var user = await scope.RegisterAsync("user@example.com");
        await scope.Accounts.ApproveAsync(user.Id, AdminEmail);

        var result = await scope.Accounts.RejectAsync(user.Id, AdminEmail);

        Assert.Equal(AccountOutcome.Refused, result.Outcome);
        Assert.Equal(AccountStatus.Approved, (await scope.ReloadAsync(user)).Status);
    }

    [Theory]
    [InlineData(Portal.Contracts.Admin.UserAction.Approve)]
    [InlineData(Portal.Contracts.Admin.UserAction.Reject)]
    [InlineData(Portal.Contracts.Admin.UserAction.Disable)]
    [InlineData(Portal.Contracts.Admin.UserAction.GrantAdmin)]
    public async Task Acting_on_an_account_that_does_not_exist_says_so_and_changes_nothing(Portal.Contracts.Admin.UserAction action)
    {
        var before = await scope.Accounts.ListAsync();

        var result = await scope.Accounts.ApplyAsync("no-such-id", action, AdminEmail);

        Assert.Equal(AccountOutcome.NotFound, result.Outcome);
        Assert.Contains("no-such-id", result.Message);
        Assert.Equal(before, await scope.Accounts.ListAsync());
    }

    [Fact]
    public async Task The_list_shows_pending_accounts_first_with_admins_marked()
    {
        await scope.RegisterAsync("user@example.com");

        var list = await scope.Accounts.ListAsync();

        Assert.Equal(["user@example.com", AdminEmail], list.Select(u => u.Email));
        Assert.Equal([false, true], list.Select(u => u.IsAdmin));
    }

    public async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await portal.DisposeAsync();
    }
}
