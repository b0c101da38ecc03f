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
}
