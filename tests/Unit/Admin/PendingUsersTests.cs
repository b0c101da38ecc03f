using Bunit;
using Portal.Client.Accounts;
using Portal.Client.Admin;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;

namespace Portal.Tests.Unit.Admin;

public sealed class PendingUsersTests : ComponentTest
{
    private static readonly UserSummary Alice = Pending("alice@example.com");
    private static readonly UserSummary Bob = Pending("bob@example.com");

    [Fact]
    public void Renders_one_row_per_pending_account()
    {
        var component = Render<PendingUsers>(p => p.Add(c => c.Users, [Alice, Bob]));

        var rows = component.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("alice@example.com", rows[0].TextContent);
        Assert.Contains("bob@example.com", rows[1].TextContent);
    }

    [Fact]
    public void Approve_raises_OnApprove_with_that_account()
    {
        UserSummary? approved = null;
        var component = Render<PendingUsers>(p => p
            .Add(c => c.Users, [Alice, Bob])
            .Add(c => c.OnApprove, user => approved = user));

        component.Find("button[aria-label='Approve bob@example.com']").Click();

        Assert.Equal(Bob, approved);
    }

    [Fact]
    public void Reject_raises_OnReject_with_that_account_and_not_OnApprove()
    {
        UserSummary? rejected = null;
        var approveCalls = 0;
        var component = Render<PendingUsers>(p => p
            .Add(c => c.Users, [Alice, Bob])
            .Add(c => c.OnApprove, _ => approveCalls++)
            .Add(c => c.OnReject, user => rejected = user));

        component.Find("button[aria-label='Reject alice@example.com']").Click();

        Assert.Equal(Alice, rejected);
        Assert.Equal(0, approveCalls);
    }

    [Fact]
    public void Buttons_are_disabled_while_the_page_is_not_interactive()
    {
        var component = Render<PendingUsers>(p => p.Add(c => c.Users, [Alice]).Add(c => c.Disabled, true));

        Assert.All(component.FindAll("button"), button => Assert.True(button.HasAttribute("disabled")));
    }

    [Fact]
    public void Says_so_when_nobody_is_waiting()
    {
        var component = Render<PendingUsers>(p => p.Add(c => c.Users, []));

        Assert.Contains("No accounts are waiting for approval.", component.Markup);
        Assert.Empty(component.FindAll("button"));
    }

    private static UserSummary Pending(string email) =>
        new(Guid.NewGuid().ToString(), email, AccountStatus.Pending, IsAdmin: false,
            new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero), null, null);
}
