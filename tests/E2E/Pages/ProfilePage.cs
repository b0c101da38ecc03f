using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/profile: the Domino API keys card.</summary>
public sealed class ProfilePage(IPage page)
{
    private ILocator Keys => page.GetByRole(AriaRole.Region, new() { Name = "Domino API Keys" });

    /// <summary>What the card says about the stored key and what the last save answered.</summary>
    public ILocator KeyCard => Keys;

    public ILocator SaveResult => Keys.GetByRole(AriaRole.Status);

    public async Task OpenAsync()
    {
        await page.GotoAsync("/profile");
        await Keys.WaitForAsync();
    }

    public async Task SaveDominoKeyAsync(string deployment, string apiKey)
    {
        await Keys.GetByRole(AriaRole.Textbox, new() { Name = $"API key for {deployment}" }).FillAsync(apiKey);
        await Keys.GetByRole(AriaRole.Button, new() { Name = $"Save key for {deployment}" }).ClickAsync();
    }
}
