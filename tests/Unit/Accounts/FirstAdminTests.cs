using Portal.Client.Accounts;
using Portal.Contracts.Accounts;

namespace Portal.Tests.Unit.Accounts;

public sealed class FirstAdminTests
{
    [Fact]
    public async Task Without_an_admin_email_the_first_account_becomes_an_approved_admin()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);

        var first = await scope.RegisterAsync("first@example.com");

        Assert.Equal(AccountStatus.Approved, (await scope.ReloadAsync(first)).Status);
        Assert.Equal([PortalRoles.Admin, PortalRoles.User], (await scope.RolesAsync(first)).Order());
    }

    [Fact]
    public async Task Without_an_admin_email_the_second_account_waits_for_approval()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);
        await scope.RegisterAsync("first@example.com");

        var second = await scope.RegisterAsync("second@example.com");

        Assert.Equal(AccountStatus.Pending, (await scope.ReloadAsync(second)).Status);
        Assert.Empty(await scope.RolesAsync(second));
    }

    [Fact]
    public async Task With_an_admin_email_the_first_account_of_someone_else_waits_for_approval()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Portal:AdminEmail"] = "boss@example.com" });
        await using var scope = AccountScope.Of(portal);

        var first = await scope.RegisterAsync("early@example.com");

        Assert.Equal(AccountStatus.Pending, (await scope.ReloadAsync(first)).Status);
    }

    [Fact]
    public async Task The_account_registered_with_the_admin_email_becomes_an_approved_admin_whenever_it_registers()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Portal:AdminEmail"] = "boss@example.com" });
        await using var scope = AccountScope.Of(portal);
        await scope.RegisterAsync("early@example.com");

        var boss = await scope.RegisterAsync("Boss@Example.com");

        Assert.Equal(AccountStatus.Approved, (await scope.ReloadAsync(boss)).Status);
        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(boss));
    }
}
