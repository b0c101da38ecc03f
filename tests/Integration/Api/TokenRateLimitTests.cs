using System.Net;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Api;

public sealed class RateLimitedPortal : PortalHost
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Api:FailedTokenLimit"] = "3",
        ["Api:FailedTokenWindow"] = "00:01:00",
        ["Api:FailedV1KeyLimit"] = "3",
        ["Api:RefusedKeyMemory"] = "00:01:00",
    };
}

[Collection(PortalHostCollection.Name)]
public sealed class TokenRateLimitTests(RateLimitedPortal portal) : IClassFixture<RateLimitedPortal>
{
    [Fact]
    public async Task Repeated_failed_token_attempts_from_one_client_get_429_with_retry_after()
    {
        var user = await portal.UserAsync("limited@example.com");
        var valid = await portal.TokenAsync(user);
        using var guessing = portal.Client("dxp_guess");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await guessing.GetAsync("/api/exports");
            statuses.Add(last.StatusCode);
        }
        using var withValidToken = await portal.Client(valid).GetAsync("/api/exports");
        using var cookieless = await portal.Client().GetAsync("/api/exports");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Contains("Too many failed token attempts", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
        // Over the limit every bearer attempt is refused before the lookup, so a guess that happens to be right is no use;
        // calls without a token are not limited.
        Assert.Equal(HttpStatusCode.TooManyRequests, withValidToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cookieless.StatusCode);
    }

    [Fact]
    public async Task Failed_v1_keys_are_remembered_and_limited_so_guesses_stop_reaching_domino()
    {
        await portal.SetUpV1Async();
        using var guessing = portal.V1Client("guessed-key");
        int DominoCalls() => portal.Domino.Requests.Count(r => r.ApiKey == "guessed-key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await guessing.GetAsync("/v1/projects/status");
            statuses.Add(response.StatusCode);
        }
        using var refused = await guessing.GetAsync("/v1/images/status");
        var body = await refused.Content.ReadAsStringAsync();

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(1, DominoCalls());
        Assert.Contains("\"success\":false", body, StringComparison.Ordinal);
        Assert.Contains("Too many failed Domino API key attempts", body, StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);
    }
}
