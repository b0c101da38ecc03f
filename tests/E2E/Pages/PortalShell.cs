using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>The app bar and drawer every page shares.</summary>
public sealed class PortalShell(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator DarkModeToggle => page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" });

    public async Task SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
