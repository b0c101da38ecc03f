using Bunit;
using Portal.Client.Runs;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;

namespace Portal.Tests.Unit.Runs;

public sealed class DryRunPageTests : ComponentTest
{
    [Fact]
    public void A_dry_run_says_nothing_was_written_and_what_a_run_would_do_with_sizes()
    {
        Runs.Current = Samples.Details(Samples.Run(290, message: "Dry run of commit c0ffee") with { Kind = "DryRun" }) with
        {
            FileTotals = [new("Deleted", 1, 5), new("Excluded", 4, 3 << 20), new("Transferred", 2, 9), new("Unchanged", 10, 1 << 30)],
        };
        Runs.Files = new Page<RunFileDto>([new(1, "README.md", 6, null, "Transferred", 0, null), new(2, "x.tmp", 7, null, "Excluded", 0, "Excluded: exclude *.tmp")], 2);

        var page = Render<RunPage>(p => p.Add(r => r.Id, 1L).Add(r => r.RefreshInterval, TimeSpan.FromHours(1)));

        Assert.Contains("Dry run — nothing was written.", page.Find("[data-testid=dry-run-label]").TextContent);
        Assert.StartsWith("Dry run · Manual", page.Find("[data-testid=run-times]").TextContent.Trim());
        var rows = page.FindAll("[data-testid=dry-run-totals] tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["delete|1|5 B", "exclude (filters)|4|3 MiB", "transfer|2|9 B", "keep (unchanged)|10|1 GiB"], rows);
        page.WaitForAssertion(() => Assert.Contains("Would transfer", page.Find("[data-testid=run-files]").TextContent));
        Assert.Contains("Excluded: exclude *.tmp", page.Find("[data-testid=run-files]").TextContent);
    }

    [Fact]
    public void An_export_run_has_no_dry_run_label()
    {
        Runs.Current = Samples.Details(Samples.Run(290, message: "3 files"));

        var page = Render<RunPage>(p => p.Add(r => r.Id, 1L).Add(r => r.RefreshInterval, TimeSpan.FromHours(1)));

        Assert.Empty(page.FindAll("[data-testid=dry-run-label]"));
    }
}
