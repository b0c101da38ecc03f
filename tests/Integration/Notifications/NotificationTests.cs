using Microsoft.Extensions.DependencyInjection;
using Portal.Notifications;
using Portal.Testbed.Processes;

namespace Portal.Tests.Integration.Notifications;

public sealed class NotificationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_sign_up_posts_a_slack_compatible_message_to_the_webhook()
    {
        using var webhook = new WebhookListener();
        await using var portal = await StartWithWorkerAsync(new() { ["Notifications:SignupWebhookUrl"] = webhook.Url });
        await using var scope = AccountScope.Of(portal);

        await scope.RegisterAsync("first@example.com");
        var (contentType, body) = await webhook.ReceiveAsync(Wait);

        Assert.StartsWith("application/json", contentType);
        Assert.Contains("first@example.com", body.GetProperty("text").GetString());
        Assert.Single(body.EnumerateObject());
    }

    [Fact]
    public async Task Approval_mails_the_user_through_the_configured_smtp_server()
    {
        await using var smtp = new SmtpSink();
        await using var portal = await StartWithWorkerAsync(new()
        {
            ["Portal:AdminEmail"] = "admin@example.com",
            ["Portal:PublicUrl"] = "https://portal.example.com",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Smtp:From"] = "portal@example.com",
        });
        await using var scope = AccountScope.Of(portal);
        await scope.RegisterAsync("admin@example.com");
        var user = await scope.RegisterAsync("user@example.com");

        Assert.True((await scope.Accounts.ApproveAsync(user.Id, "admin@example.com")).Succeeded);
        var mail = await smtp.ReceiveAsync(Wait);

        Assert.Equal("user@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal("portal@example.com", mail.From.Mailboxes.Single().Address);
        Assert.Contains("approved", mail.Subject);
        Assert.Contains("https://portal.example.com", mail.HtmlBody);
    }

    [Fact]
    public async Task A_webhook_that_cannot_be_reached_neither_blocks_nor_fails_the_sign_up_and_is_logged()
    {
        var nobodyListens = $"http://127.0.0.1:{FreePort.Next()}/hook";
        await using var portal = await StartWithWorkerAsync(new() { ["Notifications:SignupWebhookUrl"] = nobodyListens });
        await using var scope = AccountScope.Of(portal);

        var user = await scope.RegisterAsync("first@example.com");

        Assert.NotNull(await scope.Users.FindByIdAsync(user.Id));
        // The webhook is still being retried when the sign-up returns: the sign-up did not wait for it.
        Assert.DoesNotContain(portal.Logs.Errors, e => e.Contains("SignedUp notification for first@example.com failed", StringComparison.Ordinal));
        await WaitForErrorAsync(portal, "SignedUp notification for first@example.com failed");
    }

    [Fact]
    public async Task An_smtp_server_that_is_down_neither_blocks_nor_undoes_the_approval_and_is_logged()
    {
        await using var portal = await StartWithWorkerAsync(new()
        {
            ["Portal:AdminEmail"] = "admin@example.com",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = FreePort.Next().ToString(),
            ["Notifications:Smtp:UseTls"] = "false",
        });
        await using var scope = AccountScope.Of(portal);
        await scope.RegisterAsync("admin@example.com");
        var user = await scope.RegisterAsync("user@example.com");

        var result = await scope.Accounts.ApproveAsync(user.Id, "admin@example.com");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Portal.Contracts.Accounts.AccountStatus.Approved, (await scope.ReloadAsync(user)).Status);
        await WaitForErrorAsync(portal, "Approved notification for user@example.com failed");
    }

    private static async Task<PortalServices> StartWithWorkerAsync(Dictionary<string, string?> settings)
    {
        var portal = await PortalServices.StartAsync(settings);
        await portal.Services.GetRequiredService<NotificationWorker>().StartAsync(CancellationToken.None);
        return portal;
    }

    private static Task WaitForErrorAsync(PortalServices portal, string text) =>
        Poll.UntilAsync(() => portal.Logs.Errors.Any(e => e.Contains(text, StringComparison.Ordinal)),
            $"an error logged containing '{text}' (errors: {string.Join(" | ", portal.Logs.Errors)})", Wait);
}
