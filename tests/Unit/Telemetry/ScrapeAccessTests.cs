using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Telemetry;

namespace Portal.Tests.Unit.Telemetry;

public sealed class ScrapeAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("10.1.255.7", true)]
    [InlineData("10.2.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("fd00::2", false)]
    public void Allows_the_listed_addresses_and_networks_only(string remote, bool allowed)
    {
        var access = Access(new TelemetryOptions { AllowedAddresses = ["127.0.0.1", "::1", "10.1.0.0/16"] });

        Assert.Equal(allowed, access.Allows(Request(remote)));
    }

    [Fact]
    public void The_token_lets_any_address_in_and_a_wrong_one_does_not()
    {
        var access = Access(new TelemetryOptions { AllowedAddresses = [], ScrapeToken = "s3cret" });

        Assert.True(access.Allows(Request("203.0.113.9", "Bearer s3cret")));
        Assert.False(access.Allows(Request("203.0.113.9", "Bearer s3cre")));
        Assert.False(access.Allows(Request("203.0.113.9", "Basic s3cret")));
        Assert.False(access.Allows(Request("203.0.113.9")));
    }

    [Fact]
    public void Without_a_configured_token_no_bearer_value_is_accepted()
    {
        var access = Access(new TelemetryOptions { AllowedAddresses = [] });

        Assert.False(access.Allows(Request("127.0.0.1", "Bearer ")));
    }

    private static ScrapeAccess Access(TelemetryOptions options) => new(Options.Create(options));

    private static DefaultHttpContext Request(string remote, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        return context;
    }
}
