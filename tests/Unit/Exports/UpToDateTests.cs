using Bunit;
using Portal.Client.Exports;
using Portal.Contracts.Exports;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;

namespace Portal.Tests.Unit.Exports;

/// <summary>After a skipped run (200) the export reads "Up to date" and offers a forced run.</summary>
public sealed class UpToDateTests : ComponentTest
{
    [Fact]
    public void A_skipped_last_run_reads_up_to_date_and_run_anyway_forces_a_run()
    {
        Exports.Details[3] = DetailsWith(Samples.Export(3, lastStatus: 200));
        var page = Render<ExportPage>(p => p.Add(e => e.Id, 3));

        page.WaitForAssertion(() => Assert.Equal("Up to date", page.Find("[data-testid=status-chip]").TextContent.Trim()));
        Assert.Contains("Nothing changed since the last export", page.Find("[data-testid=up-to-date]").TextContent, StringComparison.Ordinal);
        page.FindAll("button").Single(b => b.TextContent.Contains("Run anyway (force)", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Equal([3], Exports.ForcedRuns));
    }

    [Fact]
    public void A_succeeded_last_run_offers_no_forced_run()
    {
        Exports.Details[3] = DetailsWith(Samples.Export(3, lastStatus: 290));
        var page = Render<ExportPage>(p => p.Add(e => e.Id, 3));

        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find("[data-testid=status-chip]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=up-to-date]"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Run anyway", StringComparison.Ordinal));
    }

    private static ExportDetails DetailsWith(ExportSummary summary) => new()
    {
        Summary = summary, Form = new ExportForm(), DeploymentName = "Domino prod", S3TargetName = "Lab S3", RegistryName = "Lab registry",
        CreatedAt = Samples.Start, UpdatedAt = Samples.Start,
    };
}
