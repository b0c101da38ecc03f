using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Testbed.Processes;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Accounts;

/// <summary>
/// Register the admin, register a user who waits for approval, approve, sign in, and check what each
/// may open. Shared by the SQLite and the PostgreSQL runs.
/// </summary>
public static class ApprovalFlow
{
    public const string AdminEmail = "admin@example.com";
    public const string Password = "Portal-Test-1";
    public const string NewPassword = "Portal-Test-2";

    private static bool IsUsersApiPost(IResponse response) =>
        response.Request.Method == "POST" && response.Url.Contains("/api/admin/users/", StringComparison.Ordinal) && response.Ok;

    public static async Task RunAsync(PortalProcess portal, ChromiumBrowser chromium, Screenshots shots)
    {
        const string userEmail = "user@example.com";
        const string rejectedEmail = "mallory@example.com";
        const string disabledEmail = "trudy@example.com";

        // An anonymous visitor is sent to sign in.
        await using var anonymous = await chromium.NewContextAsync(portal.BaseAddress);
        var visitor = await anonymous.NewPageAsync();
        await visitor.GotoAsync("/");
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(new LoginPage(visitor).Heading).ToBeVisibleAsync();
        await shots.TakeAsync(visitor, "anonymous-sent-to-sign-in");
        await visitor.GotoAsync("/hangfire");
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2Fhangfire"));
        Assert.Equal(401, (await anonymous.APIRequest.GetAsync("/api/admin/users")).Status);

        // The configured admin email registers and lands on the home page as an approved Admin.
        await using var adminContext = await chromium.NewContextAsync(portal.BaseAddress);
        var admin = await adminContext.NewPageAsync();
        await new RegisterPage(admin).RegisterAsync(AdminEmail, Password);
        await Expect(new PortalShell(admin).Heading).ToHaveTextAsync($"Welcome, {AdminEmail}");
        await shots.TakeAsync(admin, "admin-home");

        // A second account registers and sees only the awaiting-approval page.
        await using var userContext = await chromium.NewContextAsync(portal.BaseAddress);
        var user = await userContext.NewPageAsync();
        await new RegisterPage(user).RegisterAsync(userEmail, Password);
        await Expect(user).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/pending$"));
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync("Awaiting approval");
        await shots.TakeAsync(user, "user-awaiting-approval");

        var home = await user.GotoAsync("/");
        Assert.Equal(403, home!.Status);
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync("Awaiting approval");
        await shots.TakeAsync(user, "pending-user-403-on-home");
        Assert.Equal(403, (await userContext.APIRequest.GetAsync("/api/account/me")).Status);

        // Two more accounts register; the admin will reject one, and approve then disable the other.
        await using var rejectedContext = await chromium.NewContextAsync(portal.BaseAddress);
        await new RegisterPage(await rejectedContext.NewPageAsync()).RegisterAsync(rejectedEmail, Password);
        await using var disabledContext = await chromium.NewContextAsync(portal.BaseAddress);
        await new RegisterPage(await disabledContext.NewPageAsync()).RegisterAsync(disabledEmail, Password);

        // The admin approves the user and rejects the third account.
        var users = new AdminUsersPage(admin);
        await users.OpenAsync();
        await Expect(users.PendingTable).ToContainTextAsync(userEmail);
        await shots.TakeAsync(admin, "admin-users-pending");
        await users.ApproveAsync(userEmail);
        await Expect(users.Result).ToContainTextAsync($"{userEmail} is approved.");
        await users.RejectAsync(rejectedEmail);
        await Expect(users.Result).ToContainTextAsync($"{rejectedEmail} is rejected.");
        await shots.TakeAsync(admin, "admin-users-after-decisions");

        // Once the WebAssembly runtime is cached the page runs in the browser and calls /api/admin/users.
        await users.OpenInWebAssemblyAsync();
        await admin.RunAndWaitForResponseAsync(() => users.ApproveAsync(disabledEmail), IsUsersApiPost);
        await Expect(users.Result).ToContainTextAsync($"{disabledEmail} is approved.");
        await admin.RunAndWaitForResponseAsync(() => users.ActAsync("Disable", disabledEmail), IsUsersApiPost);
        await Expect(users.Result).ToContainTextAsync($"{disabledEmail} is disabled.");

        // The approved user signs in again and reaches the home page.
        await new PortalShell(user).SignOutAsync();
        await new LoginPage(user).SignInAsync(userEmail, Password);
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync($"Welcome, {userEmail}");
        await shots.TakeAsync(user, "user-home");
        await user.GotoAsync("/profile");
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync("Profile");
        await shots.TakeAsync(user, "user-profile");

        // The user changes the password from the profile page and signs in with the new one.
        var changePassword = new ChangePasswordPage(user);
        await changePassword.OpenFromProfileAsync();
        await shots.TakeAsync(user, "user-change-password");
        await changePassword.ChangeAsync(Password, NewPassword);
        await Expect(changePassword.Status).ToContainTextAsync("Your password has been changed.");
        await new PortalShell(user).SignOutAsync();
        await new LoginPage(user).SignInAsync(userEmail, NewPassword);
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync($"Welcome, {userEmail}");
        Assert.Equal(200, (await userContext.APIRequest.GetAsync("/api/account/me")).Status);

        // ...but not the admin pages, the admin API or the Hangfire dashboard.
        var adminPage = await user.GotoAsync("/admin/users");
        Assert.Equal(403, adminPage!.Status);
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync("Access denied");
        await shots.TakeAsync(user, "user-403-on-admin-users");
        var dashboard = await user.GotoAsync("/hangfire");
        Assert.Equal(403, dashboard!.Status);
        await shots.TakeAsync(user, "user-403-on-hangfire");
        Assert.Equal(403, (await userContext.APIRequest.GetAsync("/api/admin/users")).Status);

        // The rejected account cannot sign in.
        var rejected = await rejectedContext.NewPageAsync();
        var login = new LoginPage(rejected);
        await login.SignInAsync(rejectedEmail, Password);
        await Expect(login.Error).ToContainTextAsync("rejected");
        await shots.TakeAsync(rejected, "rejected-user-cannot-sign-in");
        // The session left from registration is gone too: even /pending asks to sign in.
        await rejected.GotoAsync("/pending");
        await Expect(rejected).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        var disabled = new LoginPage(await disabledContext.NewPageAsync());
        await disabled.SignInAsync(disabledEmail, Password);
        await Expect(disabled.Error).ToContainTextAsync("disabled");

        // The admin opens the Hangfire dashboard.
        var adminDashboard = await admin.GotoAsync("/hangfire");
        Assert.Equal(200, adminDashboard!.Status);
        await Expect(admin.GetByText("Domino Export Portal jobs").First).ToBeVisibleAsync();
        await shots.TakeAsync(admin, "admin-hangfire");

        // Bad admin input gets a clear answer and changes nothing.
        var missing = await adminContext.APIRequest.PostAsync("/api/admin/users/no-such-id/approve", new() { Headers = Exports.PortalApi.SameOrigin });
        Assert.Equal(404, missing.Status);
        Assert.Contains("There is no account with id 'no-such-id'", await missing.TextAsync());
        var me = await adminContext.APIRequest.GetAsync("/api/admin/users");
        var adminId = (await me.JsonAsync())!.Value.EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == AdminEmail).GetProperty("id").GetString();
        var lastAdmin = await adminContext.APIRequest.PostAsync($"/api/admin/users/{adminId}/revokeadmin", new() { Headers = Exports.PortalApi.SameOrigin });
        Assert.Equal(409, lastAdmin.Status);
        Assert.Contains("last Admin", await lastAdmin.TextAsync());
    }
}
