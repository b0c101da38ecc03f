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

    public Task ApproveAsync(string email) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Approve {email}" }).ClickAsync();

    /// <summary>An action in the accounts table: Disable, Enable, Approve, Make admin, Remove admin.</summary>
    public Task ActAsync(string action, string email) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"{action} {email}", Exact = true }).ClickAsync();

    public Task RejectAsync(string email) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Reject {email}" }).ClickAsync();
}
