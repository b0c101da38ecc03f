using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/hangfire/recurring: the recurring jobs Hangfire holds (admins only).</summary>
public sealed class HangfirePage(IPage page)
{
    /// <summary>The recurring job of an export (its id is export:{id}).</summary>
    public ILocator ExportJob(int exportId) => page.GetByText($"export:{exportId}", new() { Exact = true });

    public async Task OpenRecurringJobsAsync()
    {
        await page.GotoAsync("/hangfire/recurring");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Recurring jobs" }).WaitForAsync();
    }
}
