using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Tests.E2E.Accounts;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.QuickStart;

/// <summary>README's run command: a production build on http, files compressed and cached, a console that says what to do next.</summary>
public sealed partial class QuickStartTests : IAsyncLifetime
{
    private QuickStartPortal portal = default!;

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        portal = await QuickStartPortal.StartAsync();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Console_names_the_url_the_database_file_the_first_admin_and_the_docs()
    {
        var url = portal.BaseAddress.ToString().TrimEnd('/');
        await portal.WaitUntilAsync(log => log.Contains("API reference:", StringComparison.Ordinal), "the start-up summary");

        Assert.Contains($"Portal: open {url} (Production environment)", portal.Log, StringComparison.Ordinal);
        Assert.Contains($"Database: SQLite file {Path.Combine(portal.DataPath, "portal.db")}", portal.Log, StringComparison.Ordinal);
        Assert.Contains("No accounts yet: the first account you register becomes the approved Admin", portal.Log, StringComparison.Ordinal);
        Assert.Contains($"API reference: {url}/docs", portal.Log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(portal.DataPath, "portal.db")), "The SQLite file is where the console says.");
    }

    [Fact]
    public async Task Home_page_files_are_compressed_and_cached_for_a_year()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = portal.BaseAddress };
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");
        var html = await http.GetStringAsync("/Account/Login");
        var files = AssetReference().Matches(html).Select(m => m.Groups["path"].Value.TrimStart('/')).Distinct().ToList();
        Assert.Contains(files, f => f.StartsWith("_content/MudBlazor/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));

        foreach (var file in files)
        {
            using var response = await http.GetAsync(file);
            Assert.True(response.IsSuccessStatusCode, $"{file}: {response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, $"{file} is empty");
            Assert.True(response.Content.Headers.ContentEncoding.Any(e => e is "gzip" or "br"), $"{file} is not compressed");
            var cache = response.Headers.CacheControl;
            Assert.True(cache is { NoCache: false, MaxAge.TotalDays: >= 365 } && cache.Extensions.Any(e => e.Name == "immutable"),
                $"{file} is not cacheable: Cache-Control {cache}");
        }
    }

    [Fact]
    public async Task First_registrant_is_told_they_become_admin_sees_the_password_rules_first_and_gets_the_scheduler()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var context = await chromium.NewContextAsync(portal.BaseAddress);
        var page = await context.NewPageAsync();
        var shots = new Screenshots("quickstart");
        var register = new RegisterPage(page);

        await register.OpenAsync();
        await Expect(page.GetByText("Create the first account: it becomes the portal's Admin")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input\\.Password-help")).ToHaveTextAsync(
            "At least 8 characters, with an upper-case letter, a lower-case letter, a digit and a symbol such as ! or -.");
        await shots.TakeAsync(page, "register-first");

        await register.RegisterAsync("first@example.com", ApprovalFlow.Password);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Scheduler (admins)" })).ToBeVisibleAsync();
        await page.GotoAsync("/admin/users");
        await Expect(page.GetByText("first@example.com").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "admin-users");

        await new PortalShell(page).SignOutAsync();
        await register.OpenAsync();
        await Expect(page.GetByText("An administrator approves it before you can use the portal.")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"(?:href|src)=""(?<path>[^"":]+\.(?:css|js))""")]
    private static partial Regex AssetReference();
}
