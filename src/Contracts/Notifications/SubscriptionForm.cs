using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Notifications;

/// <summary>
/// A new subscription. No export and not <see cref="AllExports"/>: the user's own exports (a per-export subscription
/// overrides it for that export). <see cref="AllExports"/>: every export's failures, for admins only.
/// </summary>
public sealed class SubscriptionForm
{
    public int? ExportId { get; set; }

    public bool AllExports { get; set; }

    public NotifyWhen When { get; set; } = NotifyWhen.FailuresAndRecovery;

    public NotificationChannel Channel { get; set; } = NotificationChannel.Email;

    [MaxLength(2000, ErrorMessage = InputRules.TooLong), Display(Name = "Webhook URL")] public string? WebhookUrl { get; set; }

    public WebhookFormat WebhookFormat { get; set; } = WebhookFormat.Json;

    /// <summary>Signs each body (HMAC-SHA256); stored encrypted and never shown again.</summary>
    [MaxLength(200, ErrorMessage = InputRules.TooLong), Display(Name = "Signing secret")] public string? WebhookSecret { get; set; }
}
