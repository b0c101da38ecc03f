using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Accounts;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>Cookie-authenticated writes on /api need a same-origin proof and JSON; bearer calls do not (issue 13, CSRF).</summary>
[Collection(PortalHostCollection.Name)]
public sealed class CrossSiteTests(AdminFixture portal) : IClassFixture<AdminFixture>
{
    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData(null, null)]
    public async Task An_admins_cookie_from_another_origin_or_without_proof_cannot_grant_admin(string? header, string? value)
    {
        var target = await portal.UserAsync($"target-{Guid.NewGuid():N}@example.com");
        using var http = await CookieClientAsync(withOrigin: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{target.Id}/grantadmin");
        if (header is not null) request.Headers.Add(header, value);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Cross-site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await IsAdminAsync(target.Id));
    }

    [Fact]
    public async Task A_form_post_from_the_same_origin_is_refused_as_not_json()
    {
        var target = await portal.UserAsync($"form-{Guid.NewGuid():N}@example.com");
        using var http = await portal.SignInAsync(portal.Admin.Email);

        using var response = await http.PostAsync($"/api/admin/users/{target.Id}/grantadmin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(await IsAdminAsync(target.Id));
    }

    [Theory]
    [InlineData("Origin")]
    [InlineData("Sec-Fetch-Site")]
    [InlineData("RequestVerificationToken")]
    public async Task The_portals_own_pages_proof_lets_the_write_through(string proof)
    {
        var target = await portal.UserAsync($"ok-{Guid.NewGuid():N}@example.com");
        using var http = await CookieClientAsync(withOrigin: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{target.Id}/grantadmin");
        switch (proof)
        {
            case "Origin": request.Headers.Add("Origin", portal.BaseAddress.GetLeftPart(UriPartial.Authority)); break;
            case "Sec-Fetch-Site": request.Headers.Add("Sec-Fetch-Site", "same-origin"); break;
            default: request.Headers.Add("RequestVerificationToken", await AntiforgeryTokenAsync(http)); break;
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await IsAdminAsync(target.Id));
    }

    [Fact]
    public async Task A_bearer_token_call_needs_no_origin()
    {
        var user = await portal.UserAsync($"bearer-{Guid.NewGuid():N}@example.com");
        using var http = portal.Client(await portal.TokenAsync(user));

        using var response = await http.PostAsync("/api/exports/validate",
            new StringContent("{\"kind\":\"Environment\",\"environmentId\":\"e1\",\"groupName\":\"g\",\"projectName\":\"p\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Signed in through the login form; without the Origin header the test helper adds by default.</summary>
    private async Task<HttpClient> CookieClientAsync(bool withOrigin)
    {
        var http = await portal.SignInAsync(portal.Admin.Email);
        if (!withOrigin) http.DefaultRequestHeaders.Remove("Origin");
        return http;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient http)
    {
        var page = await http.GetStringAsync("/Account/Manage/ChangePassword");
        var match = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "no antiforgery token on the page");
        return match.Groups[1].Value;
    }

    private Task<bool> IsAdminAsync(string userId) => portal.DbAsync(async db =>
        await db.UserRoles.AnyAsync(r => r.UserId == userId && db.Roles.Any(role => role.Id == r.RoleId && role.Name == PortalRoles.Admin)));
}
