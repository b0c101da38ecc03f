using Microsoft.EntityFrameworkCore;
using Portal.Accounts.SingleSignOn;
using Portal.Contracts.Accounts;
using Portal.Data;
using static Portal.Tests.Unit.Accounts.ProviderAccounts;

namespace Portal.Tests.Unit.Accounts;

/// <summary>How a provider account finds its portal account: by subject once linked, by a verified email the first time.</summary>
public sealed class ProviderLinkingTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private AccountScope scope = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(Settings(("Authentication:BreakGlassAdmin", "root@example.com")));
        scope = AccountScope.Of(portal);
        await scope.RegisterAsync(AdminEmail);
    }

    private Task<ProviderSignInResult> SignInAsync(ProviderAccount account) => scope.Get<ProviderSignIn>().SignInAsync(account);

    [Fact]
    public async Task A_new_provider_account_gets_a_pending_account_without_a_password_linked_by_the_subject()
    {
        var result = await SignInAsync(Said("sub-1", "new@example.com"));

        var user = await scope.ReloadAsync(result.User!);
        Assert.Equal(AccountStatus.Pending, user.Status);
        Assert.Null(user.PasswordHash);
        Assert.True(user.EmailConfirmed);
        Assert.Empty(await scope.RolesAsync(user));
        var login = Assert.Single(await scope.Users.GetLoginsAsync(user));
        Assert.Equal(("oidc", "sub-1", "Keycloak"), (login.LoginProvider, login.ProviderKey, login.ProviderDisplayName));
    }

    [Fact]
    public async Task Once_linked_the_subject_finds_the_account_whatever_email_the_provider_sends_later()
    {
        var first = await SignInAsync(Said("sub-2", "renamed@example.com"));

        var again = await SignInAsync(Said("sub-2", "new-name@example.com", verified: false));

        Assert.Equal(first.User!.Id, again.User!.Id);
        Assert.Equal(1, await scope.Users.Users.CountAsync(u => u.Email!.Contains("name")));
    }

    [Fact]
    public async Task A_verified_email_links_the_existing_local_account_which_keeps_its_password()
    {
        var local = await scope.RegisterAsync("local@example.com");

        var result = await SignInAsync(Said("sub-3", "LOCAL@example.com"));

        Assert.Equal(local.Id, result.User!.Id);
        Assert.NotNull((await scope.ReloadAsync(local)).PasswordHash);
        Assert.Equal(("oidc", "sub-3"), (await scope.Users.GetLoginsAsync(local)).Select(l => (l.LoginProvider, l.ProviderKey)).Single());
        var methods = await scope.Get<SignInMethods>().DescribeAsync([await scope.ReloadAsync(local)], default);
        Assert.Equal("Password, Keycloak", methods[local.Id]);
    }

    [Fact]
    public async Task An_unverified_email_of_an_existing_account_is_refused_and_links_nothing()
    {
        var local = await scope.RegisterAsync("victim@example.com");

        var result = await SignInAsync(Said("attacker", "victim@example.com", verified: false, UsersGroup));

        Assert.Null(result.User);
        Assert.Contains("does not confirm that this address is yours", result.Refusal);
        Assert.Empty(await scope.Users.GetLoginsAsync(local));
        Assert.Null(await scope.Users.FindByLoginAsync("oidc", "attacker"));
        Assert.Equal(AccountStatus.Pending, (await scope.ReloadAsync(local)).Status);
    }

    [Fact]
    public async Task An_account_already_linked_to_another_subject_is_not_linked_again()
    {
        var first = await SignInAsync(Said("sub-4", "twice@example.com"));

        var second = await SignInAsync(Said("sub-5", "twice@example.com"));

        Assert.NotNull(first.User);
        Assert.Null(second.User);
        Assert.Contains("already linked to another Keycloak account", second.Refusal);
    }

    [Fact]
    public async Task The_break_glass_admin_is_never_linked_to_the_provider()
    {
        await scope.RegisterAsync("root@example.com");

        var result = await SignInAsync(Said("sub-6", "root@example.com"));

        Assert.Null(result.User);
        Assert.Contains("break-glass administrator", result.Refusal);
    }

    [Fact]
    public async Task A_provider_account_without_an_email_is_refused_with_what_to_change()
    {
        var result = await SignInAsync(new ProviderAccount("sub-7", null, false, new HashSet<string>()));

        Assert.Null(result.User);
        Assert.Contains("scope \"email\"", result.Refusal);
        Assert.Null(await scope.Users.FindByLoginAsync("oidc", "sub-7"));
    }

    [Fact]
    public async Task The_configured_admin_email_makes_an_Admin_only_when_the_provider_verified_it()
    {
        await using var fresh = await PortalServices.StartAsync(Settings(("Portal:AdminEmail", "boss@example.com")));
        await using var freshScope = AccountScope.Of(fresh);
        var signIn = freshScope.Get<ProviderSignIn>();

        var unverified = await signIn.SignInAsync(Said("impostor", "boss@example.com", verified: false));
        var unverifiedRoles = await freshScope.RolesAsync(unverified.User!);
        await freshScope.Users.DeleteAsync(unverified.User!);
        var verified = await signIn.SignInAsync(Said("boss", "boss@example.com"));

        Assert.Empty(unverifiedRoles);
        Assert.Contains(PortalRoles.Admin, await freshScope.RolesAsync(verified.User!));
    }

    public async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await portal.DisposeAsync();
    }
}
