using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Testbed.Processes;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Accounts;

/// <summary>The portal as `dotnet run` starts it: embedded SQLite in a fresh data folder.</summary>
public sealed class SqliteApprovalFlowTests : IAsyncLifetime
{
    private PortalProcess portal = default!;
    private ChromiumBrowser chromium = default!;

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        portal = await PortalProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:AdminEmail"] = ApprovalFlow.AdminEmail,
            [PortalProcess.Auto.Key] = PortalProcess.Auto.Value,
        });
        chromium = await ChromiumBrowser.LaunchAsync();
    }

    [Fact]
    public async Task Admin_approves_a_registered_user_who_then_reaches_home_but_not_the_admin_pages()
    {
        await ApprovalFlow.RunAsync(portal, chromium, new Screenshots("sqlite"));
        Assert.True(File.Exists(Path.Combine(portal.DataPath, "portal.db")), "The SQLite file is created in the data folder.");
    }

    [Fact]
    public async Task Registration_form_explains_malformed_email_weak_password_and_existing_email()
    {
        await using var context = await chromium.NewContextAsync(portal.BaseAddress);
        var page = await context.NewPageAsync();
        var register = new RegisterPage(page);
        var shots = new Screenshots("registration-errors");

        await register.RegisterAsync("not-an-email", ApprovalFlow.Password);
        await Expect(register.ValidationMessages).ToContainTextAsync("Email: this is not a valid e-mail address");
        await shots.TakeAsync(page, "malformed-email");

        await register.RegisterAsync("weak@example.com", "password");
        await Expect(register.Errors).ToContainTextAsync("Password: include at least one digit (0-9).");
        await shots.TakeAsync(page, "weak-password");

        // Every message names the field it is about, as the form labels it.
        await register.RegisterAsync("typo@example.com", ApprovalFlow.Password, confirmation: ApprovalFlow.Password + "x");
        await Expect(register.ValidationMessages).ToContainTextAsync("Confirm password: type the same password again");
        await register.RegisterAsync("short@example.com", "Ab1!");
        await Expect(register.ValidationMessages).ToContainTextAsync("Password: use at least 8 characters");

        await register.RegisterAsync("twice@example.com", ApprovalFlow.Password);
        await new PortalShell(page).SignOutAsync();
        await register.RegisterAsync("TWICE@example.com", ApprovalFlow.Password);
        await Expect(register.Errors).ToContainTextAsync("already exists");
        await shots.TakeAsync(page, "existing-email");
    }

    [Fact]
    public async Task Dark_mode_toggle_switches_the_theme()
    {
        await using var context = await chromium.NewContextAsync(portal.BaseAddress);
        var page = await context.NewPageAsync();
        await new RegisterPage(page).RegisterAsync("night@example.com", ApprovalFlow.Password);
        var shell = new PortalShell(page);
        await Expect(shell.DarkModeToggle).ToBeVisibleAsync();
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        await shell.DarkModeToggle.ClickAsync();

        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
        await new Screenshots("theme").TakeAsync(page, "toggled");
    }

    [Theory]
    [InlineData(true, "1")]
    [InlineData(false, "infinite")]
    public async Task A_spinner_stands_still_only_for_people_who_ask_for_reduced_motion(bool reducedMotion, string iterations)
    {
        await using var context = await chromium.NewContextAsync(portal.BaseAddress, reducedMotion);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        // MudBlazor's own indeterminate spinner, styled by the portal's style sheets.
        var count = await page.EvaluateAsync<string>("""
            () => {
              const host = document.createElement('div');
              host.innerHTML = '<div class="mud-progress-circular mud-progress-indeterminate"><svg class="mud-progress-circular-svg" viewBox="22 22 44 44"><circle class="mud-progress-circular-circle mud-progress-indeterminate" cx="44" cy="44" r="20"></circle></svg></div>';
              document.body.appendChild(host);
              return getComputedStyle(host.querySelector('circle')).animationIterationCount;
            }
            """);
        Assert.Equal(iterations, count);
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }
    }
}
