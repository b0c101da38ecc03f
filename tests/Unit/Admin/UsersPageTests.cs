using Bunit;
using Portal.Client.Admin;
using Portal.Client.Accounts;
using Portal.Client.Layout;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Admin;

namespace Portal.Tests.Unit.Admin;

public sealed class UsersPageTests : ComponentTest
{
    public UsersPageTests() => SignInAsAdmin();

    [Fact]
    public void Disabling_an_account_asks_first_and_cancel_changes_nothing()
    {
        var providers = RenderProviders();
        var page = Render<UsersPage>();

        page.Find("button[aria-label='Disable alice@example.com']").Click();
        providers.WaitForAssertion(() => Assert.Contains("They are signed out", providers.Find(".mud-dialog").TextContent));
        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
        Assert.Empty(Users.Applied);

        page.Find("button[aria-label='Disable alice@example.com']").Click();
        providers.WaitForAssertion(() => providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Disable").Click());

        page.WaitForAssertion(() => Assert.Equal(("u-alice", UserAction.Disable), Assert.Single(Users.Applied)));
    }

    [Fact]
    public void A_decision_on_the_users_page_recounts_the_menus_pending_badge_at_once()
    {
        Authorization.SetPolicies(PortalPolicies.Admin, PortalPolicies.SignedIn);
        Dashboard.Setup = new() { PendingUsers = 1, HasDominoKey = true, HasExports = true };
        var menu = Render<NavMenu>();
        menu.WaitForAssertion(() => Assert.Equal("1", menu.Find("[data-testid=pending-badge]").TextContent.Trim()));
        Dashboard.Setup = new() { PendingUsers = 0, HasDominoKey = true, HasExports = true };
        var page = Render<UsersPage>();

        page.Find("button[aria-label='Make admin bob@example.com']").Click();

        menu.WaitForAssertion(() => Assert.Empty(menu.FindAll("[data-testid=pending-badge]")));
    }

    [Fact]
    public void Making_someone_admin_needs_no_confirmation()
    {
        var page = Render<UsersPage>();

        page.Find("button[aria-label='Make admin bob@example.com']").Click();

        page.WaitForAssertion(() => Assert.Equal(("u-bob", UserAction.GrantAdmin), Assert.Single(Users.Applied)));
    }
}
