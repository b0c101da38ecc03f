using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

public sealed class ChangePasswordPage(IPage page)
{
    public ILocator Status => page.GetByRole(AriaRole.Alert);

    /// <summary>From the profile page, as a person gets there.</summary>
    public async Task OpenFromProfileAsync()
    {
        await page.GotoAsync("/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage/ChangePassword");
    }

    public async Task ChangeAsync(string current, string next)
    {
        await page.GetByLabel("Current password").FillAsync(current);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(next);
        await page.GetByLabel("Confirm new password").FillAsync(next);
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Update password" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/Account/Manage/ChangePassword", StringComparison.Ordinal));
        await page.ReadyAsync();
    }
}
