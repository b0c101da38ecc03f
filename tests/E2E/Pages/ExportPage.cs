using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/exports/{id}: the export's settings, its run history, Run now, Disable/Enable, Archive.</summary>
public sealed class ExportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Settings => page.GetByTestId("export-settings");

    public ILocator Message => page.GetByRole(AriaRole.Alert);

    /// <summary>The run history's rows (newest first); "No runs yet." is a row of its own.</summary>
    public ILocator Runs => page.GetByTestId("export-runs").Locator("tbody tr");

    public ILocator RunsWithTrigger(string trigger) =>
        Runs.Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = trigger, Exact = true }) });

    public ILocator RunNowButton => page.GetByRole(AriaRole.Button, new() { Name = "Run now" });

    public async Task OpenAsync(int id)
    {
        await page.GotoAsync($"/exports/{id}");
        await Heading.WaitForAsync();
    }

    /// <summary>Clicks "Run now" and returns the id of the run whose page it opens.</summary>
    public async Task<long> RunNowAsync()
    {
        await RunNowButton.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/runs/\d+$"));
        return long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Disables after confirming.</summary>
    public async Task DisableAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
    }

    public Task EnableAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true }).ClickAsync();

    /// <summary>Archives after confirming; the portal goes back to the exports list.</summary>
    public async Task ArchiveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/exports$"));
    }
}
