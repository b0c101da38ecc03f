using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public ILocator RegisterLink => page.GetByRole(AriaRole.Link, new() { Name = "Register as a new user" });

    public ILocator ProviderButton(string displayName) => page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {displayName}" });

    /// <summary>Opens the sign-in page and clicks the provider's button: the provider's form, or (a live provider session) straight back.</summary>
    public async Task StartProviderSignInAsync(string displayName)
    {
        await page.GotoAsync("/Account/Login");
        await page.RunAndWaitForResponseAsync(() => ProviderButton(displayName).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/Account/ExternalLogin", StringComparison.OrdinalIgnoreCase));
        await page.ReadyAsync();
    }

    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        // A static form post: wait for the server's answer, not for the network to go idle (WebAssembly downloads in the background).
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.ReadyAsync();
    }
}
