using Bunit;
using Portal.Client.Notifications;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;
using Portal.Tests.Unit.Support;

namespace Portal.Tests.Unit.Notifications;

public sealed class NotificationsCardTests : ComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    public NotificationsCardTests()
    {
        Notifications.Subscriptions.Add(new SubscriptionDto(1, null, null, false, NotifyWhen.FailuresAndRecovery, NotificationChannel.Email, null, WebhookFormat.Json, At));
        Notifications.Subscriptions.Add(new SubscriptionDto(2, 5, "team/five", false, NotifyWhen.Failures, NotificationChannel.Webhook,
            "https://hooks.example.com/x", WebhookFormat.Slack, At));
        Notifications.Deliveries.Add(new DeliveryDto(11, 2, 40, 5, "team/five", NoticeKind.Failure, NotificationChannel.Webhook, "https://hooks.example.com",
            DeliveryState.Pending, 1, At, null, At.AddMinutes(1), "Connection refused"));
        Notifications.Deliveries.Add(new DeliveryDto(10, 1, 39, 6, "team/six", NoticeKind.Recovery, NotificationChannel.Email, "user@example.com",
            DeliveryState.Sent, 2, At, At, null, null));
    }

    [Fact]
    public void The_profile_card_lists_every_subscription_and_what_was_sent_with_retries_and_errors()
    {
        var card = Render<NotificationsCard>();

        var subscriptions = card.Find("[data-testid=subscriptions]").TextContent;
        Assert.Contains("My exports", subscriptions);
        Assert.Contains("Failures and recovery", subscriptions);
        Assert.Contains("team/five", subscriptions);
        Assert.Contains("Slack webhook https://hooks.example.com/x", subscriptions);
        var deliveries = card.Find("[data-testid=deliveries]").TextContent;
        Assert.Contains("Retrying at 2026-12-01 03:01 UTC", deliveries);
        Assert.Contains("Last error: Connection refused", deliveries);
        Assert.Contains("Sent (try 2)", deliveries);
    }

    [Fact]
    public void On_an_export_page_only_that_exports_subscriptions_show_and_a_new_one_is_for_that_export()
    {
        var card = Render<NotificationsCard>(p => p.Add(c => c.ExportId, 5));

        Assert.DoesNotContain("My exports", card.Find("[data-testid=subscriptions]").TextContent);
        Assert.DoesNotContain("team/six", card.Find("[data-testid=deliveries]").TextContent);
        card.Find("button[type=submit]").Click();

        card.WaitForAssertion(() => Assert.Equal(5, Assert.Single(Notifications.Subscribed).ExportId));
        Assert.Equal(2, card.FindAll("[data-testid=subscriptions] tbody tr").Count);
    }

    [Fact]
    public void A_refused_subscription_shows_the_servers_reasons()
    {
        Notifications.Check = _ => SaveResult.Invalid("", "Only admins can hear about every export.");
        var card = Render<NotificationsCard>();

        card.Find("button[type=submit]").Click();

        card.WaitForAssertion(() => Assert.Contains("Only admins can hear about every export.", card.Markup));
        Assert.Empty(Notifications.Subscribed);
    }

    [Fact]
    public void Without_an_smtp_server_the_card_says_email_notices_wait_for_one()
    {
        Notifications.EmailAvailable = false;

        var card = Render<NotificationsCard>();

        Assert.Contains("No SMTP server is set yet", card.Markup);
    }

    [Fact]
    public void The_smtp_card_never_shows_the_password_and_says_whether_one_is_set()
    {
        Smtp.Current = new SmtpSettingsDto("smtp.example.com", 587, "mailer", true, "portal@example.com", true);
        SignInAsAdmin();

        var card = Render<SmtpSettingsCard>();

        Assert.Contains("A password is set; leave empty to keep it", card.Markup);
        Assert.All(card.FindAll("input[type=password]"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
        card.Find("button[type=submit]").Click();
        card.WaitForAssertion(() => Assert.Null(Assert.Single(Smtp.Saved).Password));
    }
}
