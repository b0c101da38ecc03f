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
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>The message under a field, from the form's validation.</summary>
    public ILocator ValidationMessages => page.Locator(".validation-message");
}
