using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>The Notifications card on /profile and on an export's page.</summary>
public sealed class NotificationsCard(IPage page)
{
    public ILocator Region => page.GetByRole(AriaRole.Region, new() { Name = "Notifications", Exact = true });

    public ILocator Subscriptions => Region.GetByTestId("subscriptions");

    public ILocator Deliveries => Region.GetByTestId("deliveries");

    /// <summary>Opens <paramref name="path"/> and waits until its components answer clicks (the layout's menu button shows then).</summary>
    public async Task OpenAsync(string path = "/profile")
    {
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).WaitForAsync();
        await Region.WaitForAsync();
    }

    public async Task SubscribeWebhookAsync(string when, string url, string format, string secret)
    {
        await ChooseAsync("Tell me about", when);
        await ChooseAsync("By", "Webhook");
        await Region.GetByLabel("Webhook URL").FillAsync(url);
        await ChooseAsync("Body", format);
        await Region.GetByLabel("Signing secret").FillAsync(secret);
        await Region.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
    }

    private async Task ChooseAsync(string select, string option)
    {
        await Region.GetByRole(AriaRole.Combobox, new() { Name = select, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
    }
}
