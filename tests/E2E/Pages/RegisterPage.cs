using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

public sealed class RegisterPage(IPage page)
{
    public ILocator Errors => page.GetByRole(AriaRole.Alert);

    public async Task OpenAsync() => await page.GotoAsync("/Account/Register");

    public async Task RegisterAsync(string email, string password, string? confirmation = null)
    {
        await OpenAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(confirmation ?? password);
        // A static form post: wait for the server's answer, not for the network to go idle (WebAssembly downloads in the background).
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/Account/Register", StringComparison.OrdinalIgnoreCase));
        await page.ReadyAsync();
    }

    /// <summary>The message under a field, from the form's validation.</summary>
    public ILocator ValidationMessages => page.Locator(".validation-message");
}
