using Bunit;
using Portal.Client.Dashboard;
using Portal.Client.Pages;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Dashboard;

namespace Portal.Tests.Unit.Dashboard;

public sealed class SetupChecklistTests : ComponentTest
{
    [Fact]
    public void An_admin_sees_each_setup_step_done_or_with_where_to_do_it_and_the_count()
    {
        var checklist = Render<SetupChecklist>(p => p.Add(c => c.Progress, new SetupProgress
        {
            IsAdmin = true, HasDomino = true, HasTestedS3 = false, HasV1Settings = true, FirstUserApproved = false, PendingUsers = 3,
            HasDominoKey = true, HasExports = true,
        }));

        Assert.Equal("2 of 4 done", checklist.Find("[data-testid=setup-count]").TextContent);
        Assert.Equal(["true", "false", "true", "false"],
            new[] { "domino", "s3", "v1", "approve" }.Select(id => checklist.Find($"[data-testid=setup-step-{id}]").GetAttribute("data-done")));
        var approve = checklist.Find("[data-testid=setup-step-approve]");
        Assert.Contains("Approve the first user (3 waiting)", approve.TextContent);
        Assert.Equal("/admin/users", approve.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(checklist.Find("[data-testid=setup-step-domino]").QuerySelector("a")); // done: nothing to follow
        Assert.Empty(checklist.FindAll("[data-testid=next-step]"));
    }

    [Theory]
    [InlineData(false, false, "domino-key", "/profile")]
    [InlineData(true, false, "first-export", "/exports/new")]
    public void A_users_home_leads_to_storing_the_domino_key_then_to_a_first_export(bool hasKey, bool hasExports, string step, string href)
    {
        var checklist = Render<SetupChecklist>(p => p.Add(c => c.Progress, new SetupProgress { HasDominoKey = hasKey, HasExports = hasExports }));

        var next = checklist.Find("[data-testid=next-step]");
        Assert.Equal(step, next.GetAttribute("data-step"));
        Assert.Equal(href, next.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(checklist.FindAll("[data-testid=setup-checklist]")); // not an admin: the portal's setup is not theirs
    }

    [Fact]
    public void The_home_page_shows_nothing_of_it_once_everything_is_done()
    {
        Dashboard.Setup = new SetupProgress { IsAdmin = true, HasDomino = true, HasTestedS3 = true, HasV1Settings = true, FirstUserApproved = true, HasDominoKey = true, HasExports = true };

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.NotEmpty(home.FindAll("[data-testid=tile-exports]")));
        Assert.Empty(home.FindAll("[data-testid=setup-checklist]"));
        Assert.Empty(home.FindAll("[data-testid=next-step]"));
    }

    [Fact]
    public void The_home_page_asks_the_server_for_the_checklist()
    {
        Dashboard.Setup = new SetupProgress { IsAdmin = true, PendingUsers = 1 };

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal("0 of 4 done", home.Find("[data-testid=setup-count]").TextContent));
        Assert.Equal("domino-key", home.Find("[data-testid=next-step]").GetAttribute("data-step"));
    }
}
