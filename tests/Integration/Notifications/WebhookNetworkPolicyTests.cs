using System.Net;
using Microsoft.Extensions.Options;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Notifications;
using Portal.Tests.Integration.Runs;

namespace Portal.Tests.Integration.Notifications;

/// <summary>Webhooks reach no internal address unless configuration allows it: checked on save and where the connection is made.</summary>
public sealed class WebhookNetworkPolicyTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    private static readonly Notice Sample = new(1, NoticeKind.Failure, 1, "team/project", 1, 1, StatusCode.DominoAPIError, "boom", null, null);

    [Theory]
    [InlineData("http://127.0.0.1:{port}/hooks/run/")]
    [InlineData("http://localhost:{port}/hooks/run/")]
    public async Task A_webhook_to_loopback_is_refused_at_connect_time_and_nothing_reaches_the_receiver(string template)
    {
        using var receiver = new WebhookListener(path: "/hooks/run/");
        var url = template.Replace("{port}", new Uri(receiver.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Sender(allowed: null).PostAsync(url, WebhookFormat.Json, "secret-secret-1234", Sample, default));

        Assert.Contains("is an internal address", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:WebhookAllowedNetworks", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => receiver.ReceiveRequestAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task An_allowed_network_is_reached()
    {
        using var receiver = new WebhookListener(path: "/hooks/run/");

        var posting = Sender(allowed: "127.0.0.0/8").PostAsync(receiver.Url, WebhookFormat.Json, "secret-secret-1234", Sample, default);
        var received = await receiver.ReceiveRequestAsync(TimeSpan.FromSeconds(10));
        await posting;

        Assert.Equal("POST", received.Method);
        Assert.Equal("run.failed", received.Headers[WebhookSender.EventHeader]);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is an internal address")]
    [InlineData("http://10.0.0.7:8080/hook", "10.0.0.7 is an internal address")]
    [InlineData("http://[::1]/hook", "::1 is an internal address")]
    public async Task Saving_a_webhook_to_an_internal_address_says_why(string url, string reason)
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);

        var saved = await Host.WithAsync<SubscriptionService, SaveResult>(s => s.SubscribeAsync(scenario.User, new SubscriptionForm
        {
            Channel = NotificationChannel.Webhook, WebhookUrl = url, WebhookSecret = "sender-test-secret-123",
        }, default));

        Assert.False(saved.Succeeded);
        Assert.StartsWith(reason, saved.ErrorFor(nameof(SubscriptionForm.WebhookUrl)), StringComparison.Ordinal);
    }

    private static WebhookSender Sender(string? allowed)
    {
        var policy = new WebhookNetworkPolicy(Options.Create(new NotificationOptions { WebhookAllowedNetworks = allowed is null ? null : [allowed] }));
        return new WebhookSender(new HttpClient(new SocketsHttpHandler { ConnectCallback = policy.ConnectAsync, AllowAutoRedirect = false }));
    }
}
