using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>The test OpenID provider's own pages (tests/Testbed/Oidc): its sign-in form and its sign-out question.</summary>
public sealed class ProviderPages(IPage page)
{
    public ILocator SignInHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Test provider sign-in" });

    public ILocator SignOutHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign out of the test provider" });

    public async Task SignInAsync(string username, string password)
    {
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        // Back through the provider's redirects to the portal: wait for the portal's page, not the network.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/interaction", StringComparison.Ordinal)
                                          && !new Uri(url).AbsolutePath.StartsWith("/auth", StringComparison.Ordinal));
        await page.ReadyAsync();
    }

    public async Task ConfirmSignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/session", StringComparison.Ordinal));
        await page.ReadyAsync();
    }
}
