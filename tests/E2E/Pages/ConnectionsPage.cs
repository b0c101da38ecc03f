using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/admin/connections: Domino deployments, S3 targets and registry targets in dialogs, each with its Test button.</summary>
public sealed class ConnectionsPage(IPage page)
{
    public ILocator Message => page.GetByRole(AriaRole.Alert);

    private ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public async Task OpenAsync()
    {
        await page.GotoAsync("/admin/connections");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Connections", Level = 1 }).WaitForAsync();
    }

    public async Task AddDominoDeploymentAsync(string name, Uri apiUrl, string registryHost)
    {
        await OpenDialogAsync("Add Domino deployment");
        await Field("Name").FillAsync(name);
        await Field("API URL").FillAsync(apiUrl.ToString());
        await Field("Registry host").FillAsync(registryHost);
        await SaveAsync(name);
    }

    public async Task AddS3TargetAsync(string name, string bucket, Uri endpoint, string accessKey, string secret)
    {
        await OpenDialogAsync("Add S3 target");
        await Field("Name").FillAsync(name);
        await Field("Bucket").FillAsync(bucket);
        await Field("Endpoint URL").FillAsync(endpoint.ToString());
        await Field("Access key id").FillAsync(accessKey);
        await Field("Secret access key").FillAsync(secret);
        await SaveAsync(name);
    }

    public async Task AddRegistryTargetAsync(string name, string host, string user, string password)
    {
        await OpenDialogAsync("Add registry target");
        await Field("Name").FillAsync(name);
        await Field("Host").FillAsync(host);
        await Field("User").FillAsync(user);
        await Field("Password").FillAsync(password);
        await SaveAsync(name);
    }

    /// <summary>
    /// Clicks "Test connection" on a row (or on the Docker engine card) and returns the chips the test showed. Saving a
    /// connection already tested it: the click repeats that test, and the chips are read once no test is going.
    /// </summary>
    public async Task<ILocator> TestAsync(string name)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = $"Test connection {name}", Exact = true });
        await button.ClickAsync();
        // The chips sit in the row under the tested one (a connection) or in the card (the Docker engine).
        var chips = name == "Docker engine"
            ? page.GetByRole(AriaRole.Region, new() { Name = "Docker engine" }).GetByTestId("check-chip")
            : page.GetByRole(AriaRole.Row).Filter(new() { Has = button }).Locator("xpath=following-sibling::tr[1]").GetByTestId("check-chip");
        await chips.First.WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Testing" })).ToHaveCountAsync(0);
        await Assertions.Expect(chips).Not.ToHaveCountAsync(0);
        return chips;
    }

    /// <summary>The v1 API settings card: the deployment and S3 target v1 scripts use, saved.</summary>
    public async Task SaveV1SettingsAsync(string deployment, string s3Target)
    {
        var card = page.GetByRole(AriaRole.Region, new() { Name = "v1 API settings" });
        // The selects open only once the page runs interactively (the theme toggle appears then).
        await Assertions.Expect(new PortalShell(page).DarkModeToggle).ToBeVisibleAsync();
        foreach (var (select, option) in new[] { ("Domino deployment", deployment), ("S3 target (project files)", s3Target) })
        {
            await card.GetByRole(AriaRole.Combobox, new() { Name = select, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        }
        await card.GetByRole(AriaRole.Button, new() { Name = "Save v1 settings" }).ClickAsync();
        await Assertions.Expect(card.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();
    }

    private ILocator Field(string label) => Dialog.GetByRole(AriaRole.Textbox, new() { Name = label });

    private async Task OpenDialogAsync(string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Dialog.WaitForAsync();
    }

    private async Task SaveAsync(string name)
    {
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }).WaitForAsync();
    }
}
