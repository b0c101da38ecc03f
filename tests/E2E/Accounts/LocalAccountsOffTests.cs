using System.Text.RegularExpressions;
using Portal.Testbed.Oidc;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Accounts;

/// <summary>A portal with password accounts switched to single sign-on only, then to admins-only passwords.</summary>
public sealed class LocalAccountsOffTests : IAsyncLifetime
{
    private const string BreakGlass = "root@example.com";
    private const string BreakGlassPassword = "Break-Glass-1";
    private const string OldUser = "old@example.com";
    private readonly World world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task With_local_accounts_off_registration_is_gone_and_only_the_break_glass_admin_signs_in_with_a_password()
    {
        var shots = new Screenshots("local-accounts-off");
        // Before the switch: the admin and a user registered with passwords.
        await world.LocalAdminAsync();
        await new RegisterPage(await world.NewPageAsync()).RegisterAsync(OldUser, SingleSignOnWorld.Password);
        File.WriteAllText(Path.Combine(world.SecretsFolder, "Authentication__BreakGlassPassword"), BreakGlassPassword);
        await world.Portal.KillAsync();
        await world.Portal.RestartAsync(changedSettings: new Dictionary<string, string?>
        {
            ["Authentication:LocalAccounts"] = "false",
            ["Authentication:BreakGlassAdmin"] = BreakGlass,
        });

        var page = await world.NewPageAsync();
        Assert.Equal(404, (await page.GotoAsync("/Account/Register"))!.Status);
        await Expect(new PortalShell(page).Heading).ToHaveTextAsync("Not found");
        var login = new LoginPage(page);
        await page.GotoAsync("/Account/Login");
        await Expect(login.ProviderButton(SingleSignOnWorld.DisplayName)).ToBeVisibleAsync();
        await Expect(login.RegisterLink).ToHaveCountAsync(0);
        await Expect(page.GetByText("Password sign-in is for the break-glass administrator only.")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "sign-in-page-sso-only");

        await login.SignInAsync(OldUser, SingleSignOnWorld.Password);
        await Expect(login.Error).ToContainTextAsync("Password sign-in is turned off");
        await shots.TakeAsync(page, "password-refused");
        await login.SignInAsync(SingleSignOnWorld.AdminEmail, SingleSignOnWorld.Password);
        await Expect(login.Error).ToContainTextAsync("Password sign-in is turned off");
        await login.SignInAsync(OldUser, "a-wrong-password");
        await Expect(login.Error).ToContainTextAsync("Invalid email or password");
        await page.GotoAsync("/pending");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        // The break-glass admin, created at start-up from the secrets folder, gets in with its password.
        await login.SignInAsync(BreakGlass, BreakGlassPassword);
        await Expect(new PortalShell(page).Heading).ToHaveTextAsync($"Welcome, {BreakGlass}");
        var users = new AdminUsersPage(page);
        await users.OpenAsync();
        await Expect(users.AccountRow(BreakGlass)).ToContainTextAsync("Password (break-glass)");
        await shots.TakeAsync(page, "break-glass-admin-in");

        // Single sign-on works as before.
        var member = await world.SignInWithProviderAsync("member");
        await Expect(new PortalShell(member).Heading).ToHaveTextAsync("Welcome, member@example.com");

        // adminsOnly: Admins keep their passwords, everyone else uses the provider.
        await world.Portal.KillAsync();
        await world.Portal.RestartAsync(changedSettings: new Dictionary<string, string?> { ["Authentication:LocalAccounts"] = "adminsOnly" });
        var next = await world.NewPageAsync();
        var adminsOnly = new LoginPage(next);
        await adminsOnly.SignInAsync(OldUser, SingleSignOnWorld.Password);
        await Expect(adminsOnly.Error).ToContainTextAsync("Password sign-in is for administrators only");
        await adminsOnly.SignInAsync(SingleSignOnWorld.AdminEmail, SingleSignOnWorld.Password);
        await Expect(new PortalShell(next).Heading).ToHaveTextAsync($"Welcome, {SingleSignOnWorld.AdminEmail}");
        Assert.Equal(404, (await next.GotoAsync("/Account/Register"))!.Status);
    }

    private sealed class World : SingleSignOnWorld
    {
        protected override IEnumerable<OidcAccount> Accounts => [new("member", "member@example.com", true, "member-pw", UsersGroup)];
    }
}
