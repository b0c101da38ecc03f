using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/admin/audit: the filters and the entries table.</summary>
public sealed class AuditLogPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" });

    public ILocator Entries => page.GetByTestId("audit-entries");

    /// <summary>The entries' rows (not the header), each with its actor, interface, action and object cells.</summary>
    public ILocator Rows => Entries.Locator("tbody tr").Filter(new() { Has = page.GetByTestId("audit-action") });

    public ILocator Row(string action, string objectText) => Rows
        .Filter(new() { Has = page.GetByTestId("audit-action").GetByText(action, new() { Exact = true }) })
        .Filter(new() { Has = page.GetByTestId("audit-object").GetByText(objectText) });

    public async Task OpenAsync() => await page.GotoAsync("/admin/audit");

    public Task FilterByPersonAsync(string person) => page.GetByLabel("Person").FillAsync(person);

    public Task FilterByObjectAsync(string target) => page.GetByLabel("Object").FillAsync(target);
}
