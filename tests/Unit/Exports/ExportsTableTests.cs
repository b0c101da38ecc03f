using Bunit;
using MudBlazor;
using Portal.Client.Exports;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Exports;

public sealed class ExportsTableTests : ComponentTest
{
    public ExportsTableTests() =>
        Exports.List = new Page<ExportSummary>([.. Enumerable.Range(1, 25).Select(i => Samples.Export(i, project: $"model{i}"))], 60);

    [Fact]
    public void Asks_the_server_for_the_first_page_newest_run_first()
    {
        var table = RenderTable();

        table.WaitForAssertion(() => Assert.Equal(new ExportQuery(PageSize: 25), Exports.Queries.Single()));
        Assert.Equal(25, table.FindAll("tbody tr").Count);
    }

    [Fact]
    public void Sorting_by_name_asks_for_name_ascending_then_descending()
    {
        var table = RenderTable();

        SortBy(table, "Name");
        table.WaitForAssertion(() => Assert.Equal(("name", false), (Exports.Queries[^1].SortBy, Exports.Queries[^1].Descending)));
        SortBy(table, "Name");
        table.WaitForAssertion(() => Assert.Equal(("name", true), (Exports.Queries[^1].SortBy, Exports.Queries[^1].Descending)));
    }

    [Fact]
    public void Sorting_by_next_run_and_duration_uses_the_servers_sort_keys()
    {
        var table = RenderTable();

        SortBy(table, "Next run");
        table.WaitForAssertion(() => Assert.Equal("nextrun", Exports.Queries[^1].SortBy));
        SortBy(table, "Last duration");
        table.WaitForAssertion(() => Assert.Equal("duration", Exports.Queries[^1].SortBy));
    }

    [Fact]
    public void The_next_page_asks_for_page_one()
    {
        var table = RenderTable();

        table.Find("button[aria-label='Next page']").Click();

        table.WaitForAssertion(() => Assert.Equal(1, Exports.Queries[^1].Page));
    }

    [Fact]
    public void Filtering_by_status_asks_for_that_outcome_from_the_first_page()
    {
        var table = RenderTable();
        table.Find("button[aria-label='Next page']").Click();

        table.Find("[data-testid=outcome-failed]").Click();

        table.WaitForAssertion(() => Assert.Equal(("failed", 0), (Exports.Queries[^1].Outcome, Exports.Queries[^1].Page)));
    }

    [Fact]
    public void Searching_asks_for_the_trimmed_search_text()
    {
        var table = RenderTable();

        table.Find("input").Input(" model1 ");

        table.WaitForAssertion(() => Assert.Equal("model1", Exports.Queries[^1].Search));
    }

    [Fact]
    public async Task Filtering_by_kind_asks_for_environment_exports()
    {
        var table = RenderTable();
        var kind = table.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Kind");

        await table.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(nameof(ExportKind.Environment)));

        table.WaitForAssertion(() => Assert.Equal(ExportKind.Environment, Exports.Queries[^1].Kind));
    }

    [Fact]
    public void Users_see_neither_the_owner_column_nor_the_owner_filter()
    {
        var table = RenderTable();

        Assert.Empty(table.FindAll("[data-testid=owner-column]"));
        Assert.DoesNotContain(table.FindComponents<MudSelect<string>>(), s => s.Instance.Label == "Owner");
        Assert.DoesNotContain("alice@example.com", table.Markup);
    }

    [Fact]
    public async Task Admins_see_the_owner_column_and_can_filter_by_owner()
    {
        SignInAsAdmin();
        var table = RenderTable();
        var owner = table.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Owner");

        Assert.Single(table.FindAll("[data-testid=owner-column]"));
        Assert.Contains("alice@example.com", table.Find("tbody tr").TextContent);
        await table.InvokeAsync(() => owner.Instance.ValueChanged.InvokeAsync("u-bob"));

        table.WaitForAssertion(() => Assert.Equal("u-bob", Exports.Queries[^1].OwnerId));
    }

    [Fact]
    public void Shows_the_last_status_coloured_by_outcome_and_opens_the_export_on_click()
    {
        Exports.List = new Page<ExportSummary>([Samples.Export(8, lastStatus: 141)], 1);
        var table = RenderTable();

        var chip = table.Find("tbody [data-testid=status-chip]");
        Assert.Equal("Failed", chip.TextContent.Trim());
        Assert.Contains("mud-chip-color-error", chip.ClassName);
        table.Find("tbody tr").Click();
        Assert.EndsWith("/exports/8", Navigation.Uri);
    }

    [Fact]
    public void Says_so_when_no_export_matches_the_filters()
    {
        Exports.List = new Page<ExportSummary>([], 0);
        var table = RenderTable();
        Assert.Equal("No exports yet.", table.Find("[data-testid=no-exports]").TextContent);

        table.Find("[data-testid=outcome-running]").Click();

        table.WaitForAssertion(() => Assert.Equal("No exports match.", table.Find("[data-testid=no-exports]").TextContent));
    }

    private IRenderedComponent<ExportsTable> RenderTable() => Render<ExportsTable>(p => p.Add(t => t.SearchDebounce, 0));

    private static void SortBy(IRenderedComponent<ExportsTable> table, string column) =>
        table.FindAll("th .mud-table-sort-label").Single(l => l.TextContent.Trim() == column).Click();
}
