using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testbed.Domino;
using Portal.Testbed.S3;
using Portal.Tests.E2E.Accounts;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.FirstRun;

/// <summary>
/// Issue 17's first run in Chromium, from an empty database: the first account (the admin), the setup checklist, a
/// second sign-up and the menu's badge, approval, connections through the pages, a Domino key, the picker against a
/// project list without permission fields, an export, Run now and "Run anyway", the unsaved-changes guard, archive,
/// the Archived filter and restore; then every page, the admin's too, on a desktop (light) and a 390 × 844 phone (dark).
/// </summary>
public sealed class FirstRunTests(FirstRunWorld world) : IClassFixture<FirstRunWorld>
{
    private const string AdminEmail = "first@example.com";
    private const string UserEmail = "second@example.com";
    private const string Password = ApprovalFlow.Password;
    private const string Deployment = "Domino";
    private const string S3Target = "Project files";

    /// <summary>WebAssembly files the browsers asked for: none, since this portal runs its pages on the server (Portal:Interactivity).</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> runtimeRequests = new();

    /// <summary>What the browsers said the content security policy refused (a script without the page's nonce, say): nothing.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> policyViolations = new();

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await world.Chromium.NewContextAsync(world.Portal.BaseAddress);
        context.Request += (_, request) =>
        {
            if (request.Url.Contains("/_framework/dotnet", StringComparison.Ordinal)) runtimeRequests.Enqueue(request.Url);
        };
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                policyViolations.Enqueue($"{message.Page?.Url}: {message.Text}");
        };
        return context;
    }

    [Fact]
    public async Task From_an_empty_portal_to_a_restored_export_with_every_page_usable_on_a_phone_in_both_themes()
    {
        var shots = new Screenshots("first-run");
        world.Domino.AddProject(world.DominoUser, "forecast").Commit([new TestFile("model.py", TestContent.FromText("print(42)\n"))]);
        await using var adminContext = await NewContextAsync();
        var admin = await adminContext.NewPageAsync();

        // The first account is told it becomes the admin, and sees the password rules before typing one.
        var register = new RegisterPage(admin);
        await register.OpenAsync();
        await Expect(admin.GetByText("it becomes the portal's Admin")).ToBeVisibleAsync();
        await Expect(admin.GetByText(new Regex("^At least \\d+ characters"))).ToBeVisibleAsync();
        await shots.TakeAsync(admin, "register-first-account");
        await register.RegisterAsync(AdminEmail, Password);
        await Expect(new PortalShell(admin).Heading).ToHaveTextAsync($"Welcome, {AdminEmail}");
        await Expect(admin.GetByTestId("setup-count")).ToHaveTextAsync("0 of 4 done");
        await Expect(admin.GetByTestId("setup-step-approve")).ToContainTextAsync("nobody has signed up yet");
        await shots.TakeAsync(admin, "home-admin-checklist");

        // A second person signs up and waits; the admin's menu shows the pending sign-up.
        await using var userContext = await NewContextAsync();
        var user = await userContext.NewPageAsync();
        await new RegisterPage(user).RegisterAsync(UserEmail, Password);
        await Expect(new PortalShell(user).Heading).ToHaveTextAsync("Awaiting approval");
        await admin.ReloadAsync();
        await Expect(admin.GetByTestId("pending-badge")).ToHaveTextAsync("1");
        await Expect(admin.GetByTestId("setup-step-approve")).ToContainTextAsync("1 waiting");

        // Approval through the users page, with its confirmation; the badge goes at once.
        var users = new AdminUsersPage(admin);
        await users.OpenAsync();
        await users.ApproveAsync(UserEmail);
        await Expect(users.Result).ToContainTextAsync(UserEmail);
        await Expect(admin.GetByTestId("pending-badge")).ToHaveCountAsync(0);

        // Connections through the pages (saving tests them), then the v1 settings: the checklist is done and leaves.
        var connections = new ConnectionsPage(admin);
        await connections.OpenAsync();
        await connections.AddDominoDeploymentAsync(Deployment, world.Domino.Url, registryHost: "");
        await connections.AddS3TargetAsync(S3Target, FirstRunWorld.Bucket, world.S3.Url, S3Server.Credentials.AccessKey, S3Server.Credentials.SecretKey);
        await Expect(await connections.TestAsync(S3Target)).ToContainTextAsync(["is readable and writable"]);
        await admin.GotoAsync("/");
        await Expect(admin.GetByTestId("setup-count")).ToHaveTextAsync("3 of 4 done");
        await connections.OpenAsync();
        await connections.SaveV1SettingsAsync(Deployment, S3Target);
        await admin.GotoAsync("/");
        await Expect(new PortalShell(admin).Heading).ToHaveTextAsync($"Welcome, {AdminEmail}");
        await Expect(admin.GetByTestId("setup-checklist")).ToHaveCountAsync(0);

        // The user: signed in, told to store a key first, then to create a first export.
        await new LoginPage(user).SignInAsync(UserEmail, Password);
        await Expect(user.GetByTestId("next-step")).ToHaveAttributeAsync("data-step", "domino-key");
        await shots.TakeAsync(user, "home-user-next-step-key");
        var profile = new ProfilePage(user);
        await profile.OpenAsync();
        await profile.SaveDominoKeyAsync(Deployment, world.DominoUser.ApiKey);
        await Expect(profile.SaveResult).ToContainTextAsync($"belongs to {world.DominoUser.UserName}");
        await user.GotoAsync("/");
        await Expect(user.GetByTestId("next-step")).ToHaveAttributeAsync("data-step", "first-export");

        // The picker lets the project be picked although Domino's list says nothing of permissions; the single S3 target
        // is chosen already and, with no registry, the image is off.
        var editor = new ExportEditorPage(user);
        await editor.OpenAsync();
        await editor.PickProjectAsync("hopper/forecast");
        await editor.NameAsync("weather", "forecast");
        await Expect(user.GetByRole(AriaRole.Combobox, new() { Name = "S3 target", Exact = true })).ToContainTextAsync(S3Target);
        await Expect(user.GetByRole(AriaRole.Switch, new() { Name = "Export the environment image" })).Not.ToBeCheckedAsync();
        var exportId = await editor.CreateAsync();

        // Run now exports; Run now again on the unchanged project skips, the export says "Up to date" and offers Run anyway.
        var export = new ExportPage(user);
        var run = new RunPage(user);
        var firstRun = await export.RunNowAsync();
        await Expect(run.Heading).ToHaveTextAsync("Run #1 of weather/forecast");
        await Expect(run.Status).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        await Expect(user.GetByTestId("run-id")).ToContainTextAsync($"run id {firstRun}");
        await export.OpenAsync(exportId);
        await export.RunNowAsync();
        await Expect(run.Status).ToHaveTextAsync("Skipped", new() { Timeout = 120_000 });
        await export.OpenAsync(exportId);
        await Expect(user.GetByTestId("up-to-date")).ToBeVisibleAsync();
        await Expect(user.GetByTestId("status-chip").First).ToHaveTextAsync("Up to date");
        await user.GetByRole(AriaRole.Button, new() { Name = "Run anyway (force)" }).ClickAsync();
        await user.WaitForURLAsync(new Regex(@"/runs/\d+$"));
        await Expect(run.Heading).ToHaveTextAsync("Run #3 of weather/forecast");
        await Expect(run.Status).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        var lastRun = long.Parse(user.Url[(user.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // Unsaved changes: leaving through the menu asks (Cancel stays, the change kept); closing the tab would ask too.
        await user.GotoAsync($"/exports/{exportId}/edit");
        var cron = user.GetByRole(AriaRole.Textbox, new() { Name = "Cron expression" });
        await Expect(cron).ToHaveValueAsync("0 2 * * *");
        await editor.TypeCronAsync("0 5 * * *");
        // The guard is armed over the page's connection once the change has reached the editor: wait for it, briefly.
        await user.WaitForFunctionAsync(
            "() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }",
            null, new() { Timeout = 15_000, PollingInterval = 200 });
        var menuExports = user.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { Name = "Exports", Exact = true });
        await menuExports.ClickAsync();
        var ask = user.GetByRole(AriaRole.Dialog);
        await Expect(ask).ToContainTextAsync("changes that are not saved");
        await shots.TakeAsync(user, "editor-unsaved-changes");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(user).ToHaveURLAsync(new Regex($"/exports/{exportId}/edit$"));
        await Expect(cron).ToHaveValueAsync("0 5 * * *");
        await menuExports.ClickAsync();
        await ask.GetByRole(AriaRole.Button, new() { Name = "Leave without saving" }).ClickAsync();
        await Expect(user).ToHaveURLAsync(new Regex("/exports$"));
        // Nothing changed: an untouched editor lets go without asking.
        await user.GotoAsync($"/exports/{exportId}/edit");
        await Expect(cron).ToHaveValueAsync("0 2 * * *");
        await menuExports.ClickAsync();
        await Expect(user).ToHaveURLAsync(new Regex("/exports$"));

        // Archive: the export leaves the list, the Archived filter finds it, and Restore brings it back disabled.
        await export.OpenAsync(exportId);
        await export.ArchiveAsync();
        var list = new ExportsPage(user);
        await Expect(list.Link("weather/forecast")).ToHaveCountAsync(0);
        await user.GetByTestId("outcome-archived").ClickAsync();
        await list.Link("weather/forecast").ClickAsync();
        await Expect(export.Heading).ToHaveTextAsync("weather/forecast");
        await user.GetByRole(AriaRole.Button, new() { Name = "Restore", Exact = true }).ClickAsync();
        await Expect(export.Message).ToContainTextAsync("Restored, disabled");
        await Expect(user.GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true })).ToBeVisibleAsync();
        await list.OpenAsync();
        await Expect(list.Link("weather/forecast")).ToBeVisibleAsync();

        // Every page, the user's and the admin's, light on a desktop and dark on a phone (layout and contrast are checked
        // once each per theme): no sideways scroll, no table left as a table on the phone, no serious axe finding. Then
        // keyboard focus in each theme: a ring that can be seen on a preset chip, a button and a menu link.
        var check = new PageCheck(user, shots);
        var adminCheck = new PageCheck(admin, shots);
        var pages = new (string Path, string Name)[]
        {
            ("/", "dashboard"), ("/exports", "exports"), ($"/exports/{exportId}", "export"), ($"/runs/{lastRun}", "run"),
            ($"/exports/{exportId}/edit", "editor"), ("/exports/new", "new-export"), ("/profile", "profile"),
        };
        var adminPages = new (string Path, string Name)[]
        {
            ("/admin/users", "admin-users"), ("/admin/connections", "admin-connections"), ("/admin/templates", "admin-templates"),
            ("/admin/audit", "admin-audit"), ("/exports", "admin-exports"),
        };
        foreach (var (screen, width, height, dark) in new[] { ("desktop", 1280, 800, false), ("phone", 390, 844, true) })
        {
            await user.SetViewportSizeAsync(width, height);
            await check.UseThemeAsync(dark);
            foreach (var (path, name) in pages) await check.LookAsync(path, name, screen, dark);
            await admin.SetViewportSizeAsync(width, height);
            await adminCheck.UseThemeAsync(dark);
            foreach (var (path, name) in adminPages) await adminCheck.LookAsync(path, name, screen, dark);

            var theme = dark ? "dark" : "light";
            await admin.SetViewportSizeAsync(1280, 800);
            await admin.GotoAsync("/exports/new");
            await adminCheck.FocusRingAsync(admin.GetByLabel("Schedule presets").Locator(".mud-chip").First, $"schedule preset chip ({theme})");
            await adminCheck.FocusRingAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Create export" }), $"Create button ({theme})");
            await adminCheck.FocusRingAsync(
                admin.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { Name = "Exports", Exact = true }), $"menu link ({theme})");
        }
        var problems = check.Problems.Concat(adminCheck.Problems).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // On the phone the menu is an overlay, closed until asked for, and closes again once a page is chosen.
        var drawer = user.Locator(".mud-drawer");
        await user.GotoAsync("/");
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await user.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await shots.TakeAsync(user, "menu-phone-open");
        await menuExports.ClickAsync();
        await Expect(user).ToHaveURLAsync(new Regex("/exports$"));
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));

        // Server interactivity: every page above worked without the WebAssembly runtime, and the policy does not allow it.
        Assert.Empty(runtimeRequests);
        var policy = (await user.GotoAsync("/"))!.Headers["content-security-policy"];
        Assert.DoesNotContain("wasm-unsafe-eval", policy, StringComparison.Ordinal);
        // Every page, and every move between them (the menu's links, forms, redirects), ran under the nonce policy.
        Assert.True(policyViolations.IsEmpty, string.Join(Environment.NewLine, policyViolations));
    }
}
