using System.Net;
using System.Text.Json.Nodes;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>A portal whose /metrics only the scrape token opens (no address of this machine is allowed), with a small failed-token limit.</summary>
public sealed class ScrapeTokenPortal : PortalHost
{
    public const string Token = "scrape-token-for-hardening";
    public const int Limit = 3;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Telemetry:AllowedAddresses:0"] = "10.20.0.0/16",
        ["Telemetry:ScrapeToken"] = Token,
        ["Api:FailedTokenLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// /metrics (not in the OpenAPI document, so the malformed-input proof does not reach it) gets the same treatment as /api:
/// no 5xx for malformed requests, ProblemDetails with a reason on every refusal, the security headers, and wrong scrape
/// tokens limited per address before any comparison, like wrong personal access tokens.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class MetricsHardeningTests(ScrapeTokenPortal portal) : IClassFixture<ScrapeTokenPortal>
{
    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Another_method_than_get_is_refused_with_problem_details(string method)
    {
        using var http = portal.Client(ScrapeTokenPortal.Token);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/metrics") { Content = new StringContent("{\"x\":1}") };

        using var response = await http.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await AssertProblemAsync(response);
    }

    [Fact]
    public async Task Malformed_query_values_and_headers_do_not_break_the_scrape_and_the_answer_carries_the_security_headers()
    {
        using var http = portal.Client(ScrapeTokenPortal.Token);
        var query = "name[]=" + Uri.EscapeDataString("a\u0000b\u202Ec" + new string('q', 5000)) + "&x=%ZZ";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics?" + query);
        request.Headers.TryAddWithoutValidation("Accept", "text/plain;version=\u0007;q=bad");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_failed_token_limit_even_the_right_scrape_token_is_refused_until_the_window_ends()
    {
        for (var i = 0; i < ScrapeTokenPortal.Limit; i++)
        {
            using var wrong = await portal.Client($"guess-{i}").GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            await AssertProblemAsync(wrong);
        }

        using var right = await portal.Client(ScrapeTokenPortal.Token).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        await AssertProblemAsync(right);
        Assert.DoesNotContain("# TYPE", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>() ?? problem["title"]?.GetValue<string>()), body);
    }
}
