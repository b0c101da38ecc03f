using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>A portal with an admin and a plain user, both signed in.</summary>
public sealed class DashboardPortal : PortalHost
{
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient User { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await UserAsync("admin@example.com");
        var user = await UserAsync("user@example.com");
        Admin = await SignInAsync(admin.Email);
        User = await SignInAsync(user.Email);
    }

    public override async Task DisposeAsync()
    {
        Admin.Dispose();
        User.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Issue 13: /hangfire/stats answered 500 to an admin's GET; a non-admin's POST to /hangfire answered 400, not 403.</summary>
[Collection(PortalHostCollection.Name)]
public sealed partial class JobsDashboardTests(DashboardPortal portal) : IClassFixture<DashboardPortal>
{
    [Theory]
    [InlineData("/hangfire/stats")]
    [InlineData("/hangfire/recurring/trigger")]
    [InlineData("/hangfire/jobs/enqueued/delete")]
    public async Task A_get_of_an_address_the_dashboard_posts_to_is_a_405_not_a_500(string path)
    {
        using var response = await portal.Admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_admins_dashboard_polls_its_stats_with_its_antiforgery_token()
    {
        var page = await portal.Admin.GetStringAsync("/hangfire");
        var token = CsrfToken().Match(page).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
        {
            Content = new FormUrlEncodedContent([new("metrics[]", "servers:count"), new("metrics[]", "succeeded:count")]),
        };
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await portal.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(stats["servers:count"]);
    }

    [Fact]
    public async Task An_admins_dashboard_command_is_audited_with_the_jobs_it_named_and_the_stats_polling_is_not()
    {
        var page = await portal.Admin.GetStringAsync("/hangfire");
        var token = CsrfToken().Match(page).Groups[1].Value;
        foreach (var (path, form) in new[]
                 {
                     ("/hangfire/jobs/enqueued/delete", new KeyValuePair<string, string>[] { new("jobs[]", "424242"), new("jobs[]", "434343") }),
                     ("/hangfire/stats", [new("metrics[]", "servers:count")]),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("RequestVerificationToken", token);
            using var response = await portal.Admin.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        }

        var audit = JsonNode.Parse(await portal.Admin.GetStringAsync("/api/admin/audit?pageSize=200"))!["items"]!.AsArray();

        var entry = Assert.Single(audit, e => (string?)e!["action"] == "scheduler.delete")!;
        Assert.Equal("jobs/enqueued: 424242, 434343", (string?)entry["changes"]);
        Assert.Equal("admin@example.com", (string?)entry["actor"]);
        Assert.DoesNotContain(audit, e => ((string?)e!["action"])!.StartsWith("scheduler.stat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/stats")]
    [InlineData("/hangfire/recurring/trigger")]
    public async Task A_non_admins_post_to_the_dashboard_is_403(string path)
    {
        using var response = await portal.User.PostAsync(path,
            new FormUrlEncodedContent([new("metrics[]", "servers:count"), new("jobs[]", "export:1")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_non_admin_gets_the_access_denied_page_for_the_dashboard()
    {
        using var response = await portal.User.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Access denied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
