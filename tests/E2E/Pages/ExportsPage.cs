using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/exports: the exports table.</summary>
public sealed class ExportsPage(IPage page)
{
    public ILocator Table => page.GetByTestId("exports-table");

    public ILocator Empty => page.GetByTestId("no-exports");

    public ILocator Link(string groupAndProject) => Table.GetByRole(AriaRole.Link, new() { Name = groupAndProject, Exact = true });

    public async Task OpenAsync()
    {
        await page.GotoAsync("/exports");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Exports", Level = 1 }).WaitForAsync();
    }
}
