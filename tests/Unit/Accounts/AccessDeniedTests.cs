using Bunit;
using Portal.Client.Accounts;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Accounts;

namespace Portal.Tests.Unit.Accounts;

public sealed class AccessDeniedTests : ComponentTest
{
    public AccessDeniedTests()
    {
        Authorization.SetRoles();
        Authorization.SetPolicies(PortalPolicies.SignedIn);
    }

    [Fact]
    public void A_pending_account_is_told_it_awaits_approval()
    {
        Authorization.SetAuthorized("pending@example.com");

        var page = Render<AccessDenied>();

        Assert.Equal("Awaiting approval", page.Find("h1").TextContent);
    }

    [Fact]
    public void An_approved_user_is_told_the_page_is_not_theirs()
    {
        Authorization.SetAuthorized("user@example.com");
        Authorization.SetRoles(PortalRoles.User);

        var page = Render<AccessDenied>();

        Assert.Equal("Access denied", page.Find("h1").TextContent);
    }
}
