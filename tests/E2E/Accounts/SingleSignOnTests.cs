using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Accounts;

/// <summary>Sign-in through a real OpenID provider: approval, groups, admin rights from groups, sign-out of both.</summary>
public sealed class SingleSignOnTests(SingleSignOnWorld world) : IClassFixture<SingleSignOnWorld>
{
    private static readonly Regex PendingUrl = new("/pending$");

    [Fact]
    public async Task A_new_provider_account_waits_on_pending_until_an_admin_approves_it()
    {
        var shots = new Screenshots("sso-approval");
        var admin = await world.LocalAdminAsync();
        var newbie = await world.NewPageAsync();
        await newbie.GotoAsync("/Account/Login");
        await Expect(new LoginPage(newbie).ProviderButton(SingleSignOnWorld.DisplayName)).ToBeVisibleAsync();
        await shots.TakeAsync(newbie, "sign-in-page-with-provider-button");

        await world.SignInWithProviderAsync(newbie, "newbie");

        await Expect(newbie).ToHaveURLAsync(PendingUrl);
        await Expect(new PortalShell(newbie).Heading).ToHaveTextAsync("Awaiting approval");
        await shots.TakeAsync(newbie, "provider-account-awaiting-approval");
        Assert.Equal(403, (await newbie.GotoAsync("/"))!.Status);

        var users = new AdminUsersPage(admin);
        await users.OpenAsync();
        await Expect(users.PendingTable).ToContainTextAsync("newbie@example.com");
        await Expect(users.PendingRow("newbie@example.com")).ToContainTextAsync(SingleSignOnWorld.DisplayName);
        await shots.TakeAsync(admin, "admin-sees-the-provider-account-pending");
        await users.ApproveAsync("newbie@example.com");
        await Expect(users.Result).ToContainTextAsync("newbie@example.com is approved.");

        // Signed in again (the provider's session is still open: no form), the account reaches home.
        await new LoginPage(newbie).StartProviderSignInAsync(SingleSignOnWorld.DisplayName);
        await Expect(new PortalShell(newbie).Heading).ToHaveTextAsync("Welcome, newbie@example.com");
        await shots.TakeAsync(newbie, "approved-provider-account-home");
        await users.OpenAsync();
        await Expect(users.AccountRow("newbie@example.com")).ToContainTextAsync(SingleSignOnWorld.DisplayName);
        await Expect(users.AccountRow(SingleSignOnWorld.AdminEmail)).ToContainTextAsync("Password");
        await shots.TakeAsync(admin, "admin-users-sign-in-methods");
    }

    [Fact]
    public async Task An_account_in_an_auto_approve_group_reaches_home_at_once()
    {
        var member = await world.SignInWithProviderAsync("member");

        await Expect(new PortalShell(member).Heading).ToHaveTextAsync("Welcome, member@example.com");
        Assert.Equal(403, (await member.GotoAsync("/admin/users"))!.Status);
        await new Screenshots("sso-auto-approve").TakeAsync(member, "member-home-at-once");
    }

    [Fact]
    public async Task An_admin_group_member_sees_the_admin_pages_and_loses_them_when_the_group_is_removed()
    {
        var shots = new Screenshots("sso-admin-group");
        await world.LocalAdminAsync(); // so the group's admin is never the last one
        var boss = await world.SignInWithProviderAsync("boss");
        await Expect(new PortalShell(boss).Heading).ToHaveTextAsync("Welcome, boss@example.com");
        Assert.Equal(200, (await boss.GotoAsync("/admin/users"))!.Status);
        await Expect(new PortalShell(boss).Heading).ToHaveTextAsync("Users");
        await shots.TakeAsync(boss, "admin-group-member-on-admin-users");

        await world.Provider.SetGroupsAsync("boss", SingleSignOnWorld.UsersGroup);

        // The open session learns it at its next security-stamp check (every minute), without signing in again.
        var deadline = DateTime.UtcNow.AddSeconds(150);
        int status;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            status = (await boss.Context.APIRequest.GetAsync("/api/admin/users")).Status;
        } while (status == 200 && DateTime.UtcNow < deadline);
        Assert.Equal(403, status);
        Assert.Equal(403, (await boss.GotoAsync("/admin/users"))!.Status);
        await Expect(new PortalShell(boss).Heading).ToHaveTextAsync("Access denied");
        await shots.TakeAsync(boss, "admin-pages-gone-with-the-group");
        Assert.Equal(200, (await boss.GotoAsync("/"))!.Status);
        await Expect(new PortalShell(boss).Heading).ToHaveTextAsync("Welcome, boss@example.com");
        Assert.Contains(await world.Provider.EventsAsync(), e => e.GetProperty("event").GetString() == "grant.success"
                                                                 && e.GetProperty("grant_type").GetString() == "refresh_token");

        // Given the group back, the next sign-in makes the account an Admin again.
        await world.Provider.SetGroupsAsync("boss", SingleSignOnWorld.AdminsGroup);
        await new LoginPage(boss).StartProviderSignInAsync(SingleSignOnWorld.DisplayName);
        Assert.Equal(200, (await boss.GotoAsync("/admin/users"))!.Status);
    }

    [Fact]
    public async Task Sign_out_ends_the_portal_session_and_the_providers()
    {
        var member = await world.SignInWithProviderAsync("member");
        await Expect(new PortalShell(member).Heading).ToHaveTextAsync("Welcome, member@example.com");

        await new PortalShell(member).SignOutAsync();
        var provider = new ProviderPages(member);
        await Expect(provider.SignOutHeading).ToBeVisibleAsync();
        await new Screenshots("sso-sign-out").TakeAsync(member, "provider-asks-to-sign-out");
        await provider.ConfirmSignOutAsync();

        await Expect(member).ToHaveURLAsync(new Regex($"^{Regex.Escape(world.Portal.BaseAddress.ToString())}"));
        await member.GotoAsync("/");
        await Expect(member).ToHaveURLAsync(new Regex("/Account/Login"));
        // The provider asks for the password again: its session ended too.
        await new LoginPage(member).StartProviderSignInAsync(SingleSignOnWorld.DisplayName);
        await Expect(provider.SignInHeading).ToBeVisibleAsync();
        Assert.Contains(await world.Provider.EventsAsync(), e => e.GetProperty("event").GetString() == "end_session.success");
    }

    [Fact]
    public async Task The_email_of_a_local_account_is_linked_only_when_the_provider_verified_it()
    {
        var shots = new Screenshots("sso-linking");
        var local = await world.NewPageAsync();
        await new RegisterPage(local).RegisterAsync("taken@example.com", SingleSignOnWorld.Password);
        await Expect(local).ToHaveURLAsync(PendingUrl);

        var lookalike = await world.SignInWithProviderAsync("lookalike");
        var login = new LoginPage(lookalike);
        await Expect(lookalike).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(login.Error).ToContainTextAsync("does not confirm that this address is yours");
        await shots.TakeAsync(lookalike, "unverified-email-not-linked");
        await lookalike.GotoAsync("/pending");
        await Expect(lookalike).ToHaveURLAsync(new Regex("/Account/Login"));

        await world.Provider.UpdateAsync(world.Provider.Account("lookalike") with { EmailVerified = true });
        await login.StartProviderSignInAsync(SingleSignOnWorld.DisplayName);

        // Linked to the existing account: the group approves it, and both ways in now lead to it.
        await Expect(new PortalShell(lookalike).Heading).ToHaveTextAsync("Welcome, taken@example.com");
        var users = new AdminUsersPage(await world.LocalAdminAsync());
        await users.OpenAsync();
        await Expect(users.AccountRow("taken@example.com")).ToContainTextAsync($"Password, {SingleSignOnWorld.DisplayName}");
        await shots.TakeAsync(await world.LocalAdminAsync(), "linked-account-signs-in-both-ways");
    }

    [Theory]
    [InlineData("aud", "another-application", "wrong audience")]
    [InlineData("iss", "http://127.0.0.1:9/impostor", "names another issuer")]
    public async Task An_ID_token_with_the_wrong_audience_or_issuer_is_refused(string claim, string value, string message)
    {
        await world.Provider.TamperNextIdTokenAsync(new Dictionary<string, string> { [claim] = value });

        var page = await world.SignInWithProviderAsync("member");

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(new LoginPage(page).Error).ToContainTextAsync(message);
        await new Screenshots($"sso-wrong-{claim}").TakeAsync(page, "refused");
        Assert.Contains(await world.Provider.EventsAsync(), e => e.GetProperty("event").GetString() == "tampered");
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        // The refusal is in the audit log beside failed password sign-ins, with its reason.
        var audit = await (await world.LocalAdminAsync()).Context.APIRequest.GetAsync("/api/admin/audit?action=sign-in.failed&pageSize=200");
        Assert.Equal(200, audit.Status);
        var entries = await audit.TextAsync();
        Assert.Contains($"sign-in with {SingleSignOnWorld.DisplayName}: its ID token", entries, StringComparison.Ordinal);
        Assert.Contains(message, entries, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_is_down_gets_a_clear_message_on_the_sign_in_page()
    {
        var page = await world.NewPageAsync();
        await world.Provider.StopAsync();
        try
        {
            await new LoginPage(page).StartProviderSignInAsync(SingleSignOnWorld.DisplayName);

            await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
            await Expect(new LoginPage(page).Error).ToContainTextAsync($"{SingleSignOnWorld.DisplayName} cannot be reached right now");
            await new Screenshots("sso-provider-down").TakeAsync(page, "provider-down");
        }
        finally
        {
            await world.Provider.StartAgainAsync();
        }
    }
}
