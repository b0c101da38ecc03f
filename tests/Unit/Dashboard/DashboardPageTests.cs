using Bunit;
using MudBlazor;
using Portal.Client.Dashboard;
using Portal.Client.Exports;
using Portal.Client.Pages;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;
using Portal.Contracts.Dashboard;

namespace Portal.Tests.Unit.Dashboard;

public sealed class DashboardPageTests : ComponentTest
{
    private static readonly DashboardTiles Tiles = new(
        ActiveExports: 1234, DisabledExports: 56, RunningNow: 3, new RunCounts(Succeeded: 410, Failed: 12, Skipped: 77, Cancelled: 0),
        BytesLast24Hours: 5L * 1024 * 1024 * 1024,
        [
            new ComponentHealthDto("Domino", 1, "Domino prod", true, "answers", Samples.Start.AddSeconds(-20)),
            new ComponentHealthDto("S3", 1, "Archive", false, "Access Denied", Samples.Start.AddMinutes(-5)),
            new ComponentHealthDto("Registry", 1, "Harbor", false, "Not checked yet", null),
        ],
        Samples.Start);

    [Fact]
    public void The_tiles_show_exports_runs_by_outcome_bytes_and_each_components_last_check()
    {
        var tiles = Render<DashboardTilesView>(p => p.Add(t => t.Tiles, Tiles));

        Assert.Equal("1,234", tiles.Find("[data-testid=tile-exports-value]").TextContent);
        Assert.Contains("56 disabled · 3 running now", tiles.Find("[data-testid=tile-exports]").TextContent);
        Assert.Equal("499", tiles.Find("[data-testid=tile-runs-value]").TextContent);
        Assert.Equal(("410 succeeded", "12 failed", "77 skipped"), (tiles.Find("[data-testid=runs-succeeded]").TextContent.Trim(),
            tiles.Find("[data-testid=runs-failed]").TextContent.Trim(), tiles.Find("[data-testid=runs-skipped]").TextContent.Trim()));
        Assert.Empty(tiles.FindAll("[data-testid=runs-cancelled]"));
        Assert.Equal("5 GiB", tiles.Find("[data-testid=tile-bytes-value]").TextContent);
        Assert.Equal("1 of 3 healthy", tiles.Find("[data-testid=tile-health-value]").TextContent);
        var components = tiles.FindAll("[data-testid=component]");
        Assert.Equal(["true", "false", "false"], components.Select(c => c.GetAttribute("data-healthy")));
        Assert.Contains("Domino prod (Domino) · checked just now", components[0].TextContent);
        Assert.Contains("Archive (S3) · checked 5 min ago", components[1].TextContent);
        Assert.Contains("Harbor (registry) · not checked yet", components[2].TextContent);
    }

    [Fact]
    public void A_user_sees_their_numbers_30_days_of_charts_and_no_owner_filter()
    {
        Dashboard.Tiles = Tiles;

        var home = Render<Home>();

        Assert.Equal([null], Dashboard.TileOwners);
        Assert.Equal([(30, (string?)null)], Dashboard.DailyQueries);
        Assert.Empty(home.FindAll("[data-testid=dashboard-owner]"));
        Assert.NotNull(home.Find("[data-testid=runs-per-day] svg"));
        Assert.NotNull(home.Find("[data-testid=bytes-per-day] svg"));
        Assert.Single(home.FindComponents<ExportsTable>());
    }

    [Fact]
    public void Choosing_another_range_reloads_the_charts()
    {
        var home = Render<Home>();

        home.FindAll("button").Single(b => b.TextContent.Trim() == "7 days").Click();

        home.WaitForAssertion(() => Assert.Equal((7, (string?)null), Dashboard.DailyQueries[^1]));
        Assert.Single(Dashboard.TileOwners);
    }

    [Fact]
    public async Task An_admin_can_narrow_tiles_charts_and_table_to_one_owner()
    {
        SignInAsAdmin();
        var home = Render<Home>();
        var owner = home.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Owner");

        await home.InvokeAsync(() => owner.Instance.ValueChanged.InvokeAsync("u-bob"));

        home.WaitForAssertion(() =>
        {
            Assert.Equal("u-bob", Dashboard.TileOwners[^1]);
            Assert.Equal((30, "u-bob"), Dashboard.DailyQueries[^1]);
            Assert.Equal("u-bob", Exports.Queries[^1].OwnerId);
        });
    }

    [Fact]
    public void The_export_chart_plots_duration_and_bytes_of_the_last_runs()
    {
        Dashboard.Points = [new RunPoint(1, 1, Samples.Start, 60, 1000, 290), new RunPoint(2, 2, Samples.Start.AddHours(1), 90, 0, 200)];

        var chart = Render<ExportRunsChart>(p => p.Add(c => c.ExportId, 3));

        var charts = chart.FindComponents<MudChart<double>>();
        Assert.Equal([ChartType.Bar, ChartType.Line], charts.Select(c => c.Instance.ChartType));
        Assert.Equal([60.0, 90.0], charts[0].Instance.ChartSeries[0].Data.Values);
        Assert.Equal(["#1", "#2"], charts[1].Instance.ChartLabels);
        Assert.Empty(chart.FindAll("[data-testid=no-chart]"));
    }

    [Fact]
    public void The_export_chart_says_so_when_there_are_no_runs()
    {
        var chart = Render<ExportRunsChart>(p => p.Add(c => c.ExportId, 3));

        Assert.Equal("No runs to chart yet.", chart.Find("[data-testid=no-chart]").TextContent);
    }
}
