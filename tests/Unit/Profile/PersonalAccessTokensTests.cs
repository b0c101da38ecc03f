using Bunit;
using Portal.Client.Profile;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Profile;

namespace Portal.Tests.Unit.Profile;

public sealed class PersonalAccessTokensTests : ComponentTest
{
    private Support.Fakes.FakeTokensClient TokensFake => Tokens;

    [Fact]
    public void Lists_tokens_by_their_prefix_with_their_state_and_offers_revoke_only_for_active_ones()
    {
        var now = DateTimeOffset.UtcNow;
        TokensFake.List.Add(new TokenDto(1, "nightly", "dxp_abcdefgh", now.AddDays(-1), now.AddDays(29), null, null));
        TokensFake.List.Add(new TokenDto(2, "old", "dxp_12345678", now.AddDays(-9), now.AddDays(-1), null, null));

        var component = Render<PersonalAccessTokens>();

        var rows = component.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("dxp_abcdefgh…", rows[0].TextContent);
        Assert.Contains("Active", rows[0].TextContent);
        Assert.Contains("Expired", rows[1].TextContent);
        Assert.Single(component.FindAll("button[aria-label^='Revoke']"));
    }

    [Fact]
    public void Revoke_calls_the_server_and_reloads_the_list()
    {
        var now = DateTimeOffset.UtcNow;
        TokensFake.List.Add(new TokenDto(7, "ci", "dxp_cicicici", now, now.AddDays(7), null, null));
        var providers = RenderProviders();
        var component = Render<PersonalAccessTokens>();

        component.Find("button[aria-label='Revoke ci']").Click();
        providers.WaitForAssertion(() => Assert.Contains("Scripts that use it are refused from now on.", providers.Find(".mud-dialog").TextContent));
        Assert.Empty(TokensFake.Revoked); // nothing yet: it asks first
        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        component.WaitForAssertion(() => Assert.Equal([7], TokensFake.Revoked));
        component.WaitForAssertion(() => Assert.Contains("Revoked", component.Find("tbody tr").TextContent));
    }

    [Fact]
    public void A_created_token_is_shown_once_until_dismissed()
    {
        var component = Render<PersonalAccessTokens>();

        component.Find("input").Change("deploy script");
        component.Find("form").Submit();

        component.WaitForAssertion(() => Assert.Contains("dxp_secret", component.Find("[data-testid='new-token']").InnerHtml));
        component.FindAll("button").Single(b => b.TextContent.Contains("I have copied it", StringComparison.Ordinal)).Click();
        Assert.Empty(component.FindAll("[data-testid='new-token']"));
        Assert.Equal("deploy script", TokensFake.Created.Single().Name);
    }
}
