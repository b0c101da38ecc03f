using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Client.Exports;
using Portal.Contracts.Exports;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;

namespace Portal.Tests.Unit.Exports;

/// <summary>The export page's Dry run button, its filter in the settings, and "Up to date" once the filters changed.</summary>
public sealed class ExportPageDryRunTests : ComponentTest
{
    [Fact]
    public void Dry_run_queues_a_dry_run_and_opens_its_page()
    {
        Exports.Details[3] = Details(Samples.Export(3, lastStatus: 290), new ExportForm { ExcludePatterns = ["*.tmp", "data/raw/**"], MaxFileSize = 100L << 20 });
        var page = Render<ExportPage>(p => p.Add(e => e.Id, 3));

        page.WaitForAssertion(() => page.Find("[data-testid=dry-run]").Click());

        page.WaitForAssertion(() => Assert.Equal([3], Exports.DryRuns));
        Assert.EndsWith("/runs/7", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal("not *.tmp, data/raw/**; files up to 100 MiB", page.Find("[data-testid=export-filter]").TextContent.Trim());
    }

    [Fact]
    public void A_skipped_last_run_is_not_up_to_date_once_the_files_settings_changed()
    {
        Exports.Details[3] = Details(Samples.Export(3, lastStatus: 200), new ExportForm()) with { FilesSettingsChanged = true };

        var page = Render<ExportPage>(p => p.Add(e => e.Id, 3));

        page.WaitForAssertion(() => Assert.NotEqual("Up to date", page.Find("[data-testid=status-chip]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=up-to-date]"));
    }

    private static ExportDetails Details(ExportSummary summary, ExportForm form) => new()
    {
        Summary = summary, Form = form, DeploymentName = "Domino prod", S3TargetName = "Lab S3", CreatedAt = Samples.Start, UpdatedAt = Samples.Start,
    };
}
