using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Accounts.SingleSignOn;
using Portal.Client.Accounts;
using static Portal.Tests.Unit.Accounts.ProviderAccounts;
using Portal.Contracts.Accounts;

namespace Portal.Tests.Unit.Accounts;

/// <summary><c>Authentication:LocalAccounts</c>: whose password still signs in, and what happens to sessions that used one.</summary>
public sealed class LocalAccountsTests
{
    private const string Root = "root@example.com";
    private const string Password = AccountScope.Password;

    /// <summary>
    /// The portal before and after the switch, and a request's services of the latter. Each test calls
    /// <c>WithRequest()</c> itself: the request lives in an AsyncLocal, which does not flow back to a caller.
    /// </summary>
    private sealed record Switched(PortalServices Before, PortalServices After, AccountScope Scope) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Scope.DisposeAsync();
            await After.DisposeAsync();
            await Before.DisposeAsync();
        }
    }

    /// <summary>A portal where the admin and a user registered with passwords, then restarted with <paramref name="mode"/>.</summary>
    private static async Task<Switched> SwitchedAsync(string mode)
    {
        var before = await PortalServices.StartAsync(Settings());
        await using (var scope = AccountScope.Of(before))
        {
            await scope.RegisterAsync(AdminEmail);
            var user = await scope.RegisterAsync("user@example.com");
            await scope.Accounts.ApproveAsync(user.Id, AdminEmail);
            await scope.RegisterAsync(Root);
        }
        var settings = Settings(("Authentication:LocalAccounts", mode), ("Authentication:BreakGlassAdmin", Root));
        var after = await PortalServices.StartAsync(settings, databaseFile: Path.Combine(before.Folder, "portal.db"));
        return new Switched(before, after, AccountScope.Of(after));
    }

    private static async Task<bool> PasswordWorksAsync(AccountScope scope, string email) =>
        (await scope.SignIn.PasswordSignInAsync((await scope.Users.FindByEmailAsync(email))!, Password, false, false)).Succeeded;

    [Fact]
    public async Task Off_refuses_every_password_but_the_break_glass_admins_and_only_while_it_is_an_Admin()
    {
        await using var switched = await SwitchedAsync("false");
        var scope = switched.Scope.WithRequest();
        var root = (await scope.Users.FindByEmailAsync(Root))!;

        var user = await PasswordWorksAsync(scope, "user@example.com");
        var admin = await PasswordWorksAsync(scope, AdminEmail);
        var rootWhileUser = await PasswordWorksAsync(scope, Root);
        await scope.Accounts.ApproveAsync(root.Id, AdminEmail);
        await scope.Accounts.GrantAdminAsync(root.Id);
        var rootAsAdmin = await PasswordWorksAsync(scope, Root);

        Assert.Equal((false, false, false, true), (user, admin, rootWhileUser, rootAsAdmin));
        Assert.False(scope.Get<LocalAccountsPolicy>().AllowsRegistration);
        Assert.Contains("Password sign-in is turned off", scope.Get<LocalAccountsPolicy>().Refusal);
    }

    [Fact]
    public async Task AdminsOnly_lets_Admins_use_their_passwords_and_nobody_else()
    {
        await using var switched = await SwitchedAsync("adminsOnly");
        var scope = switched.Scope.WithRequest();

        Assert.True(await PasswordWorksAsync(scope, AdminEmail));
        Assert.False(await PasswordWorksAsync(scope, "user@example.com"));
        Assert.False(scope.Get<LocalAccountsPolicy>().AllowsRegistration);
        Assert.Contains("administrators only", scope.Get<LocalAccountsPolicy>().Refusal);
    }

    [Fact]
    public async Task A_password_session_of_someone_whose_password_no_longer_counts_ends_at_the_stamp_check()
    {
        await using var switched = await SwitchedAsync("false");
        var scope = switched.Scope.WithRequest();
        var user = (await scope.Users.FindByEmailAsync("user@example.com"))!;
        var passwordSession = await scope.PrincipalAsync(user);
        var providerSession = await scope.PrincipalAsync(user);
        ((ClaimsIdentity)providerSession.Identity!).AddClaim(new Claim(ClaimTypes.AuthenticationMethod, OidcOptions.Scheme));

        Assert.Null(await scope.SignIn.ValidateSecurityStampAsync(passwordSession));
        // A provider session of the same account goes on (the provider is not asked: no tokens are stored).
        Assert.NotNull(await scope.SignIn.ValidateSecurityStampAsync(providerSession));
    }

    [Fact]
    public async Task A_provider_session_keeps_its_sign_in_method_through_cookie_refreshes_so_local_accounts_off_spares_it()
    {
        await using var switched = await SwitchedAsync("false");
        var scope = switched.Scope.WithRequest();
        var user = (await scope.Users.FindByEmailAsync("user@example.com"))!;
        var principal = await scope.PrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ClaimTypes.AuthenticationMethod, OidcOptions.Scheme));
        var validator = scope.Get<ISecurityStampValidator>();

        // Two checks in a row, each on the principal the previous one renewed the cookie with.
        for (var check = 0; check < 2; check++)
        {
            var context = new CookieValidatePrincipalContext(
                scope.Get<IHttpContextAccessor>().HttpContext!,
                new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler)),
                new CookieAuthenticationOptions(),
                new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow.AddMinutes(-5) },
                    IdentityConstants.ApplicationScheme));
            await validator.ValidateAsync(context);
            Assert.True(context.ShouldRenew, $"Check {check + 1} refused the provider session.");
            principal = context.Principal!;
        }

        Assert.True(principal.HasClaim(ClaimTypes.AuthenticationMethod, OidcOptions.Scheme));
    }

    [Fact]
    public async Task The_break_glass_admin_is_created_at_start_from_its_password_setting_and_only_once()
    {
        await using var portal = await PortalServices.StartAsync(Settings(
            ("Authentication:LocalAccounts", "false"), ("Authentication:BreakGlassAdmin", Root), ("Authentication:BreakGlassPassword", "Break-Glass-1")));
        var seeding = portal.Services.GetServices<IHostedService>().OfType<BreakGlassAccount>().Single();

        await seeding.StartAsync(default);
        await seeding.StartAsync(default);

        await using var scope = AccountScope.Of(portal).WithRequest();
        var root = (await scope.Users.FindByEmailAsync(Root))!;
        Assert.Equal(AccountStatus.Approved, root.Status);
        Assert.Contains(PortalRoles.Admin, await scope.RolesAsync(root));
        Assert.True((await scope.SignIn.PasswordSignInAsync(root, "Break-Glass-1", false, false)).Succeeded);
        Assert.Single(scope.Users.Users);
    }

    [Fact]
    public async Task A_break_glass_password_the_rules_refuse_stops_the_start_with_the_key_named()
    {
        await using var portal = await PortalServices.StartAsync(Settings(
            ("Authentication:LocalAccounts", "false"), ("Authentication:BreakGlassAdmin", Root), ("Authentication:BreakGlassPassword", "short")));
        var seeding = portal.Services.GetServices<IHostedService>().OfType<BreakGlassAccount>().Single();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => seeding.StartAsync(default));

        Assert.Contains("Authentication:BreakGlassPassword", error.Message);
    }
}
