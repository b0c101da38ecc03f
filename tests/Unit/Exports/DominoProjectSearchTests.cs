using Portal.Client.Exports;
using Portal.Contracts.Exports;

namespace Portal.Tests.Unit.Exports;

public sealed class DominoProjectSearchTests
{
    private static readonly DominoProjectOption[] Listed =
        [new("alice", "churn", null), new("alice", "forecast", true), new("bob", "shared", false)];

    [Fact]
    public void Offers_the_listed_projects_that_match_the_text()
    {
        Assert.Equal(["alice/churn", "alice/forecast"], DominoProjectSearch.Offer(Listed, "ALICE", null).Select(DominoProjectSearch.Text));
    }

    [Fact]
    public void A_typed_owner_and_project_the_list_lacks_is_offered_first_and_left_for_Domino_to_judge()
    {
        var offered = DominoProjectSearch.Offer(Listed, " carol / secret ", null);

        Assert.Equal(new DominoProjectOption("carol", "secret", null), offered[0]);
    }

    [Fact]
    public void A_typed_project_that_is_listed_is_not_offered_twice()
    {
        Assert.Equal(["alice/churn"], DominoProjectSearch.Offer(Listed, "Alice/churn", null).Select(DominoProjectSearch.Text));
    }

    [Fact]
    public void The_chosen_project_shows_the_whole_list_again()
    {
        Assert.Equal(3, DominoProjectSearch.Offer(Listed, "alice/churn", "alice/churn").Count);
    }
}
