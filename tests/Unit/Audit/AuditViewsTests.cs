using Bunit;
using Portal.Client.Audit;
using Portal.Client.Exports;
using Portal.Contracts.Audit;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;

namespace Portal.Tests.Unit.Audit;

/// <summary>The admin's audit page and an export's history on its page, over the audit client.</summary>
public sealed class AuditViewsTests : ComponentTest
{
    private static AuditEntryDto Entry(long id, string action, string? token = null, int exportId = 3) => new(id, Samples.Start,
        "alice@example.com", token, token is null ? "page" : "api", "10.0.0.7", action, "export", $"{exportId}", "team/churn", "Enabled: \"True\" → \"False\"");

    [Fact]
    public void The_audit_page_lists_the_servers_first_page_with_who_how_from_where_and_what_changed()
    {
        SignInAsAdmin();
        Audit.Log = new Page<AuditEntryDto>([Entry(2, "export.disable", token: "nightly"), Entry(1, "export.create")], 2);

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=audit-action]").Count));
        Assert.Equal(["export.disable", "export.create"], page.FindAll("[data-testid=audit-action]").Select(c => c.TextContent));
        Assert.Equal("alice@example.com (token \"nightly\")", page.FindAll("[data-testid=audit-actor]")[0].TextContent);
        Assert.Equal(["api", "page"], page.FindAll("[data-testid=audit-interface]").Select(c => c.TextContent));
        Assert.Contains("10.0.0.7", page.Find("[data-testid=audit-entries]").TextContent, StringComparison.Ordinal);
        Assert.Equal(new AuditQuery(Page: 0, PageSize: 50), Audit.Queries[^1]);
        Assert.Equal("/api/admin/audit/csv?page=0&pageSize=50", page.Find("[data-testid=audit-csv]").GetAttribute("href"));
    }

    [Fact]
    public void An_exports_page_shows_that_exports_history_only()
    {
        Exports.Details[3] = new ExportDetails
        {
            Summary = Samples.Export(3, lastStatus: 290), Form = new ExportForm(), DeploymentName = "Domino prod",
            CreatedAt = Samples.Start, UpdatedAt = Samples.Start,
        };
        Audit.ByExport[3] = new Page<AuditEntryDto>([Entry(5, "export.run-now")], 1);
        Audit.ByExport[4] = new Page<AuditEntryDto>([Entry(6, "export.archive", exportId: 4)], 1);

        var page = Render<ExportPage>(p => p.Add(e => e.Id, 3));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=export-audit] [data-testid=audit-action]")));
        Assert.Equal("export.run-now", page.Find("[data-testid=export-audit] [data-testid=audit-action]").TextContent);
        Assert.Equal([3], Audit.ExportsAsked.Distinct());
        Assert.Empty(page.FindAll("[data-testid=export-audit] [data-testid=audit-object]"));
    }
}
