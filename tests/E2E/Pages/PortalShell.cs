using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>The app bar and drawer every page shares.</summary>
public sealed class PortalShell(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator DarkModeToggle => page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" });

    public async Task SignOutAsync()
    {
        // A static form post: wait for the server's answer, not for the network to go idle (WebAssembly downloads in the background).
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/Account/Logout", StringComparison.OrdinalIgnoreCase));
        await page.ReadyAsync();
    }
}
