using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Testbed.Processes;
using Portal.Tests.E2E.Accounts;
using Portal.Tests.E2E.Pages;

namespace Portal.Tests.E2E.Hardening;

/// <summary>
/// Issue 13 in Chromium: a page on another origin (another port of the same host, so the Lax cookie is sent)
/// cannot change anything with the admin's cookie; the pages, /docs and /hangfire work under the new headers.
/// </summary>
public sealed class CrossOriginAndHeadersTests : IAsyncLifetime
{
    private PortalProcess portal = default!;
    private ChromiumBrowser chromium = default!;
    private HttpListener evil = default!;
    private string evilPage = "";

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        portal = await PortalProcess.StartAsync(new Dictionary<string, string?> { ["Portal:AdminEmail"] = ApprovalFlow.AdminEmail, [PortalProcess.Auto.Key] = PortalProcess.Auto.Value });
        chromium = await ChromiumBrowser.LaunchAsync();
        evil = new HttpListener();
        var port = FreePort.Next();
        evil.Prefixes.Add($"http://127.0.0.1:{port}/");
        evil.Start();
        _ = ServeEvilAsync();
        EvilOrigin = $"http://127.0.0.1:{port}";
    }

    private string EvilOrigin { get; set; } = "";

    [Fact]
    public async Task A_page_on_another_origin_cannot_approve_or_grant_admin_with_the_admins_cookie_and_the_pages_work_under_the_headers()
    {
        await using var context = await chromium.NewContextAsync(portal.BaseAddress);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        await new RegisterPage(page).RegisterAsync(ApprovalFlow.AdminEmail, ApprovalFlow.Password);
        await new PortalShell(page).SignOutAsync();
        await new RegisterPage(page).RegisterAsync("victim@example.com", ApprovalFlow.Password);
        await new PortalShell(page).SignOutAsync();
        await new LoginPage(page).SignInAsync(ApprovalFlow.AdminEmail, ApprovalFlow.Password);
        var victim = await VictimIdAsync(page);

        // The other origin's page: a form post (no preflight) and a credentialed no-cors fetch, both to the portal.
        evilPage = $$"""
            <html><body>
            <form id="f" method="post" action="{{portal.BaseAddress}}api/admin/users/{{victim}}/grantadmin"><input name="x" value="y"></form>
            <script>
              fetch('{{portal.BaseAddress}}api/admin/users/{{victim}}/approve', { method: 'POST', mode: 'no-cors', credentials: 'include' })
                .finally(() => document.getElementById('f').submit());
            </script></body></html>
            """;
        var attacker = await context.NewPageAsync();
        var answered = attacker.WaitForResponseAsync(r => r.Url.Contains("/grantadmin", StringComparison.Ordinal));
        await attacker.GotoAsync(EvilOrigin + "/");
        var grant = await answered;

        Assert.Equal(403, grant.Status);
        var after = await UserAsync(page, victim);
        Assert.Equal("Pending", after.GetProperty("status").GetString());
        Assert.False(after.GetProperty("isAdmin").GetBoolean());

        // The portal's own pages, docs and dashboard render and run under the policy.
        var headers = await (await page.GotoAsync("/admin/users"))!.AllHeadersAsync();
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Contains("script-src", headers["content-security-policy"], StringComparison.Ordinal);
        await page.GetByText("victim@example.com").First.WaitForAsync();
        await page.GotoAsync("/docs/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await new Screenshots("hardening").TakeAsync(page, "docs");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // Scalar renders the document's title and the first operations (the rest lazily, as one scrolls).
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("Export Portal") }).First
            .WaitForAsync(new() { Timeout = 30_000 });
        await new HangfirePage(page).OpenRecurringJobsAsync();
        Assert.Empty(violations);
    }

    private static async Task<string> VictimIdAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("async () => await (await fetch('/api/admin/users')).json()");
        return json.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "victim@example.com").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> UserAsync(IPage page, string id)
    {
        var json = await page.EvaluateAsync<JsonElement>("async () => await (await fetch('/api/admin/users')).json()");
        return json.EnumerateArray().Single(u => u.GetProperty("id").GetString() == id);
    }

    private async Task ServeEvilAsync()
    {
        while (evil.IsListening)
        {
            HttpListenerContext context;
            try { context = await evil.GetContextAsync(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var bytes = Encoding.UTF8.GetBytes(evilPage);
            context.Response.ContentType = "text/html";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async Task DisposeAsync()
    {
        evil?.Close();
        if (chromium is not null) await chromium.DisposeAsync();
        if (portal is not null) await portal.DisposeAsync();
    }
}
