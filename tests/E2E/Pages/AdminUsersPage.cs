using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

public sealed class AdminUsersPage(IPage page)
{
    public ILocator PendingTable => page.GetByRole(AriaRole.Region, new() { Name = "Pending accounts" });

    public ILocator Result => page.GetByRole(AriaRole.Alert);

    /// <summary>An account's row in the accounts table (approved, rejected, disabled), found by its email cell.</summary>
    public ILocator AccountRow(string email) => page.GetByRole(AriaRole.Region, new() { Name = "Accounts" }).GetByRole(AriaRole.Row)
        .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true }) });

    public ILocator PendingRow(string email) => PendingTable.GetByRole(AriaRole.Row)
        .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true }) });

    public async Task OpenAsync() => await page.GotoAsync("/admin/users");

    /// <summary>
    /// Opens the page until it runs in WebAssembly. The Auto render mode renders on the server until the runtime has
    /// been downloaded once (Blazor then notes its resource hash in localStorage); from the next page load on it runs in
    /// the browser. So: stay on the page until the download is done (reloading meanwhile would start it over), then reload.
    /// </summary>
    public async Task OpenInWebAssemblyAsync()
    {
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Users" });
        await OpenAsync();
        try
        {
            await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('blazor-resource-hash:'))",
                null, new() { Timeout = 120_000, PollingInterval = 250 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The WebAssembly runtime did not finish downloading within 120 s.");
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await OpenAsync();
            await Assertions.Expect(heading).ToHaveAttributeAsync("data-renderer", new System.Text.RegularExpressions.Regex("^(Server|WebAssembly)$"));
            if (await heading.GetAttributeAsync("data-renderer") == "WebAssembly")
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The users page still ran on the server 60 s after the WebAssembly runtime was downloaded.");
            await page.WaitForTimeoutAsync(1000);
        }
    }

    public Task ApproveAsync(string email) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Approve {email}" }).ClickAsync();

    /// <summary>An action in the accounts table: Disable, Enable, Approve, Make admin, Remove admin; confirmed when the page asks.</summary>
    public async Task ActAsync(string action, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"{action} {email}", Exact = true }).ClickAsync();
        if (action is "Disable" or "Remove admin") await ConfirmAsync(action);
    }

    /// <summary>Rejects after confirming.</summary>
    public async Task RejectAsync(string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reject {email}" }).ClickAsync();
        await ConfirmAsync("Reject");
    }

    private Task ConfirmAsync(string action) =>
        page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
}
