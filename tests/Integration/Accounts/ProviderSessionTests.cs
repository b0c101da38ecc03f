using System.Net;
using System.Net.Http.Json;
using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accounts;
using Portal.Client.Accounts;
using Portal.Client.Profile;
using Portal.Data;
using Portal.Tests.Integration.Support;
using Portal.Contracts.Accounts;
using Portal.Contracts.Profile;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// Single sign-on against a real OpenID provider, without a browser: the code flow with PKCE, the groups re-read at
/// the security-stamp check (refresh token and userinfo), a provider session that ends there, and personal access
/// tokens of a provider account.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class ProviderSessionTests(ProviderPortal portal) : IClassFixture<ProviderPortal>
{
    [Fact]
    public async Task Sign_in_uses_the_authorization_code_flow_with_PKCE_and_links_the_providers_subject()
    {
        var (_, landed, authorization) = await portal.SignInWithProviderAsync("tom");

        // The provider offers pushed authorization requests, so the handler sends the parameters over the back
        // channel and the browser only carries their reference; the provider reports what it accepted.
        var query = HttpUtility.ParseQueryString(authorization.Query);
        Assert.Equal(portal.Provider.Issuer.Authority, authorization.Authority);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"], StringComparison.Ordinal);
        Assert.Equal("/", landed.AbsolutePath);
        var accepted = (await portal.Provider.EventsAsync()).Last(e => e.GetProperty("event").GetString() == "authorization.accepted");
        Assert.Equal("code", accepted.GetProperty("response_type").GetString());
        Assert.Equal("S256", accepted.GetProperty("code_challenge_method").GetString());
        Assert.Equal("openid profile email groups", accepted.GetProperty("scope").GetString());
        var logins = await portal.InScopeAsync(async sp =>
            await sp.GetRequiredService<UserManager<ApplicationUser>>().GetLoginsAsync(await portal.AccountAsync("tom@example.com")));
        Assert.Equal(("oidc", "tom"), (logins.Single().LoginProvider, logins.Single().ProviderKey));
    }

    [Fact]
    public async Task The_stamp_check_rereads_the_groups_so_a_lost_admin_group_takes_Admin_away_and_a_new_one_gives_it()
    {
        await portal.SignInWithProviderAsync("ada");
        Assert.True(await IsAdminAsync("ada@example.com"));

        await portal.Provider.SetGroupsAsync("ada", ProviderPortal.UsersGroup);
        portal.ForgetRecentAnswers();
        var kept = await portal.CheckProviderSessionAsync("ada@example.com");

        Assert.True(kept);
        Assert.False(await IsAdminAsync("ada@example.com"));
        Assert.Contains(await portal.Provider.EventsAsync(), e => e.GetProperty("event").GetString() == "grant.success"
                                                                  && e.GetProperty("grant_type").GetString() == "refresh_token");

        await portal.Provider.SetGroupsAsync("ada", ProviderPortal.AdminsGroup, ProviderPortal.UsersGroup);
        portal.ForgetRecentAnswers();
        Assert.True(await portal.CheckProviderSessionAsync("ada@example.com"));
        Assert.True(await IsAdminAsync("ada@example.com"));
    }

    [Fact]
    public async Task A_provider_that_forgot_the_session_ends_it_and_a_provider_that_is_down_ends_nothing()
    {
        await portal.SignInWithProviderAsync("ida");

        await portal.Provider.StopAsync();
        bool whileDown;
        try
        {
            portal.ForgetRecentAnswers();
            whileDown = await portal.CheckProviderSessionAsync("ida@example.com");
        }
        finally
        {
            // Restarted, it has lost its sessions and refresh tokens, like a provider that signed the user out.
            await portal.Provider.StartAgainAsync();
        }
        portal.ForgetRecentAnswers();
        var afterRestart = await portal.CheckProviderSessionAsync("ida@example.com");

        Assert.True(whileDown);
        Assert.False(afterRestart);
        Assert.Contains(await portal.Provider.EventsAsync(), e => e.GetProperty("event").GetString() == "grant.error"
                                                                  && e.GetProperty("error").GetString() == "invalid_grant");
        Assert.Equal(AccountStatus.Approved, (await portal.AccountAsync("ida@example.com")).Status);
    }

    [Fact]
    public async Task A_provider_accounts_personal_access_token_works_and_stops_at_once_when_the_account_is_disabled()
    {
        var (browser, _, _) = await portal.SignInWithProviderAsync("tom");
        // As the profile page's own request: cookie-authenticated API writes carry their origin (issue 13).
        browser.DefaultRequestHeaders.Add("Origin", portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var created = await browser.PostAsJsonAsync("/api/profile/tokens", new CreateTokenRequest { Name = "script", ExpiresInDays = 7 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<CreatedToken>())!.Secret!;
        using var script = portal.Client(secret);
        using var before = await script.GetAsync("/api/exports");

        var tom = await portal.AccountAsync("tom@example.com");
        var disabled = await portal.InScopeAsync(sp => sp.GetRequiredService<AccountService>().DisableAsync(tom.Id, "admin@example.com"));
        using var after = await script.GetAsync("/api/exports");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(disabled.Succeeded, disabled.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("The token's account is disabled", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The disabled account's browser session is gone too once its cookie is checked, and it cannot sign in again.
        Assert.Contains("disabled", await SignInRefusalAsync("tom"), StringComparison.Ordinal);
        await portal.InScopeAsync(sp => sp.GetRequiredService<AccountService>().EnableAsync(tom.Id, "admin@example.com"));
    }

    private async Task<string> SignInRefusalAsync(string account)
    {
        var (http, landed, _) = await portal.SignInWithProviderAsync(account, expectRefusal: true);
        Assert.Equal("/Account/Login", landed.AbsolutePath);
        return await http.GetStringAsync(landed);
    }

    private Task<bool> IsAdminAsync(string email) => portal.InScopeAsync(async sp =>
        await sp.GetRequiredService<UserManager<ApplicationUser>>().IsInRoleAsync(await portal.AccountAsync(email), PortalRoles.Admin));
}
