using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Notifications;
using Portal.Tests.Integration.Support;
using Portal.Tests.Integration.V1;

namespace Portal.Tests.Integration.Notifications;

/// <summary><c>/api/notifications</c> and the admins' SMTP settings over HTTP, on the real portal.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class NotificationsApiTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_subscription_with_bad_input_gets_400_with_reasons_and_a_good_one_is_listed_without_its_secret()
    {
        var token = await portal.TokenAsync(portal.Bob);
        using var script = portal.Client(token);

        using var bad = await script.PostAsJsonAsync("/api/notifications", new SubscriptionForm
        {
            Channel = NotificationChannel.Webhook, WebhookUrl = "not a url", WebhookSecret = "short", AllExports = true,
        });
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Web);
        using var good = await script.PostAsJsonAsync("/api/notifications", new SubscriptionForm
        {
            When = NotifyWhen.Failures, Channel = NotificationChannel.Webhook, WebhookUrl = "https://hooks.example.com/a",
            WebhookFormat = WebhookFormat.Teams, WebhookSecret = "bobs-webhook-secret-123",
        });
        var listed = await script.GetStringAsync("/api/notifications");
        var overview = JsonSerializer.Deserialize<NotificationsOverview>(listed, Web)!;

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(nameof(SubscriptionForm.WebhookUrl), out _), problem.ToString());
        Assert.True(errors.TryGetProperty(nameof(SubscriptionForm.WebhookSecret), out _), problem.ToString());
        Assert.True(errors.TryGetProperty(nameof(SubscriptionForm.AllExports), out _), problem.ToString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var mine = Assert.Single(overview.Subscriptions);
        Assert.Equal(WebhookFormat.Teams, mine.WebhookFormat);
        Assert.DoesNotContain("bobs-webhook-secret-123", listed, StringComparison.Ordinal);

        using var removed = await script.DeleteAsync($"/api/notifications/{mine.Id}");
        using var again = await script.DeleteAsync($"/api/notifications/{mine.Id}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        // Both changes are in the audit log, by Bob through /api; neither the webhook's URL nor its secret is.
        var audit = await portal.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ObjectType == "subscription" && a.ObjectId == mine.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["subscription.create", "subscription.delete"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("api", portal.Bob.Email), (a.Interface, a.Actor)));
        Assert.Contains("webhook URL", audit[0].Changes, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.DoesNotContain("hooks.example.com", $"{a.Changes} {a.ObjectName}", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain("bobs-webhook-secret-123", $"{a.Changes} {a.ObjectName}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_admins_read_or_change_the_smtp_server_and_its_password_is_never_returned()
    {
        using var user = await portal.SignInAsync(portal.Alice.Email);
        using var admin = await portal.SignInAsync(portal.Admin.Email);

        using var refused = await user.GetAsync("/api/admin/notifications/smtp");
        using var saved = await admin.PutAsJsonAsync("/api/admin/notifications/smtp", new SmtpSettingsForm
        {
            Host = "smtp.example.com", Port = 587, UserName = "mailer", Password = "the-smtp-password", From = "portal@example.com",
        });
        var shown = await admin.GetStringAsync("/api/admin/notifications/smtp");
        using var invalid = await admin.PutAsJsonAsync("/api/admin/notifications/smtp", new SmtpSettingsForm { Host = "smtp.example.com", From = "nobody" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("the-smtp-password", shown, StringComparison.Ordinal);
        Assert.True(JsonSerializer.Deserialize<SmtpSettingsDto>(shown, Web)!.HasPassword);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var stored = await portal.DbAsync(db => db.PortalSettings.AsNoTracking().Where(s => s.Key.StartsWith("Smtp.")).ToListAsync());
        Assert.DoesNotContain(stored, s => s.Value?.Contains("the-smtp-password", StringComparison.Ordinal) == true);
        Assert.Equal("smtp.example.com", stored.Single(s => s.Key == "Smtp.Host").Value);
    }
}
