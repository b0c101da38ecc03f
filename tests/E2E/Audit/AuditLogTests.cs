using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Testbed.Processes;
using Portal.Tests.E2E.Accounts;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Audit;

/// <summary>
/// An admin's clicks in the browser (on the server circuit, then in WebAssembly) appear in /admin/audit with the admin
/// as the actor, through the page, from the browser's address; another user can open neither the page nor its API.
/// </summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private const string UserEmail = "audited-user@example.com";
    private const string OtherEmail = "other-user@example.com";
    private PortalProcess portal = default!;
    private ChromiumBrowser chromium = default!;

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        portal = await PortalProcess.StartAsync(new Dictionary<string, string?> { ["Portal:AdminEmail"] = ApprovalFlow.AdminEmail, [PortalProcess.Auto.Key] = PortalProcess.Auto.Value });
        chromium = await ChromiumBrowser.LaunchAsync();
    }

    [Fact]
    public async Task An_admins_actions_in_the_browser_appear_in_the_audit_log_and_another_user_cannot_read_it()
    {
        var shots = new Screenshots("audit");
        await using var adminContext = await chromium.NewContextAsync(portal.BaseAddress);
        var admin = await adminContext.NewPageAsync();
        await new RegisterPage(admin).RegisterAsync(ApprovalFlow.AdminEmail, ApprovalFlow.Password);
        await using var userContext = await chromium.NewContextAsync(portal.BaseAddress);
        var user = await userContext.NewPageAsync();
        await new RegisterPage(user).RegisterAsync(UserEmail, ApprovalFlow.Password);
        await using var otherContext = await chromium.NewContextAsync(portal.BaseAddress);
        await new RegisterPage(await otherContext.NewPageAsync()).RegisterAsync(OtherEmail, ApprovalFlow.Password);

        // On the first visit the page runs on the server (PageCaller); later in WebAssembly (/api with the page's header).
        var users = new AdminUsersPage(admin);
        await users.OpenAsync();
        await users.ApproveAsync(UserEmail);
        await Expect(users.Result).ToContainTextAsync($"{UserEmail} is approved.");
        await users.OpenInWebAssemblyAsync();
        await admin.RunAndWaitForResponseAsync(() => users.ApproveAsync(OtherEmail),
            r => r.Request.Method == "POST" && r.Url.Contains("/api/admin/users/", StringComparison.Ordinal) && r.Ok);
        await Expect(users.Result).ToContainTextAsync($"{OtherEmail} is approved.");

        var audit = new AuditLogPage(admin);
        await audit.OpenAsync();
        await Expect(audit.Heading).ToBeVisibleAsync();
        foreach (var email in new[] { UserEmail, OtherEmail })
        {
            var row = audit.Row("account.approve", email);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByTestId("audit-actor")).ToHaveTextAsync(ApprovalFlow.AdminEmail);
            await Expect(row.GetByTestId("audit-interface")).ToHaveTextAsync("page");
            await Expect(row).ToContainTextAsync("127.0.0.1");
            await Expect(row.GetByTestId("audit-changes")).ToHaveTextAsync("status: Pending → Approved");
        }
        await Expect(audit.Row("account.register", UserEmail).GetByTestId("audit-actor")).ToHaveTextAsync(UserEmail);
        await shots.TakeAsync(admin, "admin-audit-log");

        // The filters are the server's: the person filter leaves only what the user did (registering).
        await audit.FilterByPersonAsync("audited-user");
        await Expect(audit.Rows).ToHaveCountAsync(1);
        await Expect(audit.Row("account.register", UserEmail)).ToHaveCountAsync(1);
        await shots.TakeAsync(admin, "admin-audit-log-filtered");

        var csv = await adminContext.APIRequest.GetAsync("/api/admin/audit/csv?action=account.approve");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains($",{ApprovalFlow.AdminEmail},,page,127.0.0.1,account.approve,account,", l, StringComparison.Ordinal));

        // The approved user signs in again: neither the page nor the API nor the CSV is theirs to read.
        await new PortalShell(user).SignOutAsync();
        await new LoginPage(user).SignInAsync(UserEmail, ApprovalFlow.Password);
        var denied = await user.GotoAsync("/admin/audit");
        Assert.Equal(403, denied!.Status);
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync("Access denied");
        await Expect(user.GetByTestId("audit-entries")).ToHaveCountAsync(0);
        await shots.TakeAsync(user, "user-403-on-audit");
        Assert.Equal(403, (await userContext.APIRequest.GetAsync("/api/admin/audit")).Status);
        Assert.Equal(403, (await userContext.APIRequest.GetAsync("/api/admin/audit/csv")).Status);
        await Expect(user.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (portal is not null) await portal.DisposeAsync();
    }
}
