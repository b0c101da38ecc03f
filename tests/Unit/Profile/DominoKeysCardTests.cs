using Bunit;
using Portal.Client.Profile;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Profile;

namespace Portal.Tests.Unit.Profile;

public sealed class DominoKeysCardTests : ComponentTest
{
    private const string Key = "alice-secret-key-0123456789";

    public DominoKeysCardTests()
    {
        Profile.Keys.Add(new DominoKeyDto(1, "Domino prod", false, null, null));
        Profile.Keys.Add(new DominoKeyDto(2, "Domino lab", true, "bob", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Shows_per_deployment_whether_a_key_is_stored_and_whom_domino_says_it_belongs_to()
    {
        var card = Render<DominoKeysCard>();

        var rows = card.FindAll("[data-testid=domino-key]");
        Assert.Contains("No key stored.", rows[0].TextContent);
        Assert.Contains("Domino says it belongs to bob, verified 2026-11-01 08:00 UTC", rows[1].TextContent);
        Assert.Empty(rows[0].QuerySelectorAll("button[aria-label='Remove key for Domino prod']"));
        Assert.NotNull(rows[1].QuerySelector("button[aria-label='Remove key for Domino lab']"));
    }

    [Fact]
    public void Saving_shows_whom_domino_says_the_key_belongs_to_and_never_shows_the_key_again()
    {
        var card = Render<DominoKeysCard>();

        card.Find("[data-deployment='Domino prod'] input").Input(Key);
        card.Find("button[aria-label='Save key for Domino prod']").Click();

        card.WaitForAssertion(() => Assert.Contains("Saved. Domino says this key belongs to alice.", card.Find("[data-deployment='Domino prod'] [role=status]").TextContent));
        Assert.Equal((1, Key), Profile.SavedKeys.Single());
        Assert.DoesNotContain(Key, card.Markup);
        Assert.Contains("Domino says it belongs to alice", card.Find("[data-deployment='Domino prod']").TextContent);
    }

    [Fact]
    public void A_key_domino_refuses_shows_the_error()
    {
        Profile.Verify = _ => new SaveKeyResult(false, "Domino did not accept the key: Domino does not recognise this API key", null);
        var card = Render<DominoKeysCard>();

        card.Find("[data-deployment='Domino prod'] input").Input("wrong");
        card.Find("button[aria-label='Save key for Domino prod']").Click();

        card.WaitForAssertion(() => Assert.Contains("Domino does not recognise this API key", card.Find("[data-deployment='Domino prod'] [role=status]").TextContent));
        Assert.Contains("No key stored.", card.Find("[data-deployment='Domino prod']").TextContent);
    }
}
