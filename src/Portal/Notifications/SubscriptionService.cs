using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Audit;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;
using Portal.Data;
using Portal.Exports;
using Portal.Security;

namespace Portal.Notifications;

/// <summary>A person's notification subscriptions and what was sent to them (<c>/api/notifications</c>, the profile and export pages).</summary>
public sealed class SubscriptionService(PortalDbContext db, ISecretProtector protector, SmtpSettingsStore smtp, WebhookNetworkPolicy network,
    AuditLog audit, TimeProvider time)
{
    private const int RecentDeliveries = 50;

    public async Task<NotificationsOverview> GetAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var subscriptions = await db.NotificationSubscriptions.AsNoTracking().Where(s => s.UserId == user.Id).OrderBy(s => s.Id)
            .Select(s => new SubscriptionDto(s.Id, s.ExportId, s.Export == null ? null : s.Export.GroupName + "/" + s.Export.ProjectName,
                s.AllExports, s.When, s.Channel, s.WebhookUrl, s.WebhookFormat, s.CreatedAt))
            .ToListAsync(cancellationToken);
        var deliveries = await db.NotificationDeliveries.AsNoTracking().Where(d => d.Subscription!.UserId == user.Id)
            .OrderByDescending(d => d.Id).Take(RecentDeliveries).ToListAsync(cancellationToken);
        var exportIds = deliveries.Select(d => d.ExportId).Distinct().ToList();
        var names = await db.Exports.AsNoTracking().Where(e => exportIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.GroupName + "/" + e.ProjectName, cancellationToken);
        return new NotificationsOverview(subscriptions,
            [.. deliveries.Select(d => new DeliveryDto(d.Id, d.SubscriptionId, d.RunId, d.ExportId, names.GetValueOrDefault(d.ExportId, $"export {d.ExportId}"),
                d.Kind, d.Channel, d.Target, d.State, d.Attempts, d.CreatedAt, d.SentAt, d.NextAttemptAt, d.Error))],
            (await smtp.EffectiveAsync(cancellationToken)).IsConfigured);
    }

    public async Task<SaveResult> SubscribeAsync(PortalUser user, SubscriptionForm form, CancellationToken cancellationToken)
    {
        var errors = Validation.Of(form);
        if (form.AllExports && !user.IsAdmin) errors.Add(nameof(form.AllExports), "Only admins can hear about every export.");
        if (form.AllExports && form.ExportId is not null) errors.Add(nameof(form.AllExports), "Choose one export or every export, not both.");
        if (form.ExportId is { } exportId && !await db.Exports.VisibleTo(user).AnyAsync(e => e.Id == exportId, cancellationToken))
            return SaveResult.Missing("This export does not exist.");
        if (!Enum.IsDefined(form.When)) errors.Add(nameof(form.When), "Choose what to hear about.");
        if (!Enum.IsDefined(form.Channel)) errors.Add(nameof(form.Channel), "Choose email or webhook.");
        var webhook = form.Channel == NotificationChannel.Webhook;
        if (webhook && (string.IsNullOrWhiteSpace(form.WebhookUrl) || !PortalSetup.IsHttpUrl(form.WebhookUrl.Trim())))
            errors.Add(nameof(form.WebhookUrl), "Enter the webhook's http(s) URL.");
        else if (webhook && await network.CheckAsync(new Uri(form.WebhookUrl!.Trim()), cancellationToken) is { } refusal)
            errors.Add(nameof(form.WebhookUrl), refusal);
        if (webhook && !Enum.IsDefined(form.WebhookFormat)) errors.Add(nameof(form.WebhookFormat), "Choose JSON, Slack or Teams.");
        if (webhook && (form.WebhookSecret?.Length ?? 0) < 16)
            errors.Add(nameof(form.WebhookSecret), "Enter a secret of at least 16 characters; the receiver checks each body's signature with it.");
        if (errors.Count > 0) return errors.Result();

        var subscription = new NotificationSubscription
        {
            UserId = user.Id,
            ExportId = form.ExportId,
            AllExports = form.AllExports,
            When = form.When,
            Channel = form.Channel,
            WebhookUrl = webhook ? form.WebhookUrl!.Trim() : null,
            WebhookFormat = webhook ? form.WebhookFormat : WebhookFormat.Json,
            WebhookSecret = webhook ? protector.ForPurpose(SecretPurposes.WebhookSecret).Protect(form.WebhookSecret!) : null,
            CreatedAt = time.GetUtcNow(),
        };
        db.NotificationSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.SubscriptionCreate, AuditObject.Subscription(subscription.Id, Describe(subscription), subscription.ExportId),
        [
            new AuditChange("when", null, subscription.When.ToString()),
            new AuditChange("channel", null, subscription.Channel.ToString()),
            // A Slack or Teams webhook URL carries its own token: the log says one was set, never which.
            new AuditChange("webhook URL", null, subscription.WebhookUrl is null ? null : "set", Secret: true),
            new AuditChange("webhook secret", null, subscription.WebhookSecret is null ? null : "set", Secret: true),
        ], cancellationToken);
        return SaveResult.Ok(subscription.Id);
    }

    /// <summary>Removes one of the caller's subscriptions, and with it the record of what it sent.</summary>
    public async Task<bool> UnsubscribeAsync(PortalUser user, int id, CancellationToken cancellationToken)
    {
        var subscription = await db.NotificationSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.UserId == user.Id, cancellationToken);
        if (subscription is null
            || await db.NotificationSubscriptions.Where(s => s.Id == id && s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken) != 1)
            return false;
        await audit.RecordAsync(AuditActions.SubscriptionDelete, AuditObject.Subscription(id, Describe(subscription), subscription.ExportId),
            cancellationToken: cancellationToken);
        return true;
    }

    // The audit log's name for a subscription: what it listens to and how (the webhook URL can hold a token: not named).
    private static string Describe(NotificationSubscription s) =>
        $"{(s.AllExports ? "every export" : s.ExportId is { } e ? $"export {e}" : "my exports")}, {s.When}, {s.Channel}";
}
