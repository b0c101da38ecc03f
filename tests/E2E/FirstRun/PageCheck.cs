using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.FirstRun;

/// <summary>
/// Looks at one page as it is: no sideways scroll (the document is no wider than the window), no serious or critical
/// axe-core violation, and a screenshot named for the page, the theme and the screen.
/// </summary>
public sealed class PageCheck(IPage page, Screenshots shots)
{
    private readonly List<string> problems = [];

    /// <summary>What every look found wrong, one line each (asserted empty at the end, so one run shows them all).</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>Switches the theme the way the toggle stores it; the next page load applies it.</summary>
    public Task UseThemeAsync(bool dark) =>
        page.EvaluateAsync($"localStorage.setItem('portal.darkMode', '{(dark ? "true" : "false")}')");

    public async Task LookAsync(string path, string name, string screen, bool dark)
    {
        await page.GotoAsync(path);
        // The theme toggle appears once the page runs interactively with the stored theme applied.
        // Twenty page loads on a shared machine: each gets a minute to become interactive.
        await Expect(new PortalShell(page).DarkModeToggle).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Loading" })).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        var label = $"{name} ({screen}, {(dark ? "dark" : "light")})";
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1]) problems.Add($"{label}: scrolls sideways, document {widths[0]} px wide in a {widths[1]} px window");
        foreach (var violation in await AxeCheck.SeriousViolationsAsync(page)) problems.Add($"{label}: {violation}");
        await shots.TakeAsync(page, $"{name}-{screen}-{(dark ? "dark" : "light")}");
    }
}
