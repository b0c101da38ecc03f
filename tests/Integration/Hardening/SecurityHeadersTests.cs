using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>Issue 13: only frame-ancestors was sent, and /hangfire, /docs and /api could be framed. Every answer carries the headers now.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class SecurityHeadersTests(DashboardPortal portal) : IClassFixture<DashboardPortal>
{
    [Theory]
    [InlineData("admin", "/hangfire")]
    [InlineData("admin", "/docs/")]
    [InlineData("admin", "/openapi/v1.json")]
    [InlineData("admin", "/api/account/me")]
    [InlineData("anonymous", "/api/exports")]
    [InlineData("anonymous", "/v1/projects/status")]
    [InlineData("anonymous", "/Account/Login")]
    [InlineData("anonymous", "/no-such-page")]
    public async Task Every_answer_forbids_framing_and_sniffing_and_carries_the_policy(string who, string path)
    {
        using var anonymous = portal.Client();
        var http = who == "admin" ? portal.Admin : anonymous;

        using var response = await http.GetAsync(path);

        string Header(string name) => string.Join(",", response.Headers.TryGetValues(name, out var values) ? values : []);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        var policy = Header("Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pages_inline_scripts_run_only_with_a_nonce_made_for_that_answer_and_only_the_docs_page_allows_inline_scripts()
    {
        using var anonymous = portal.Client();

        async Task<(string Policy, string Html)> GetAsync(HttpClient http, string path)
        {
            using var response = await http.GetAsync(path);
            return (string.Join(",", response.Headers.GetValues("Content-Security-Policy")), await response.Content.ReadAsStringAsync());
        }

        var first = await GetAsync(anonymous, "/Account/Login");
        var second = await GetAsync(anonymous, "/Account/Login");
        var docs = await GetAsync(portal.Admin, "/docs/");

        string Nonce(string policy) => System.Text.RegularExpressions.Regex.Match(policy, "script-src 'self' 'nonce-([A-Za-z0-9_-]{22})'").Groups[1].Value;
        var nonce = Nonce(first.Policy);
        Assert.NotEqual("", nonce);
        Assert.NotEqual(nonce, Nonce(second.Policy));
        Assert.DoesNotContain("'unsafe-inline'", first.Policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        // Every inline script of the page (Blazor's import map) carries that answer's nonce.
        var inline = System.Text.RegularExpressions.Regex.Matches(first.Html, "<script\\b[^>]*>").Select(m => m.Value)
            .Where(tag => !tag.Contains(" src=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, tag => Assert.Contains($" nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(tag), StringComparison.Ordinal));
        Assert.Contains("script-src 'self' 'unsafe-inline';", docs.Policy, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce-", docs.Policy, StringComparison.Ordinal);
    }
}
