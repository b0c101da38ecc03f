using Portal.Contracts.Notifications;
using Portal.Data;
using Portal.Exports;

namespace Portal.Notifications;

/// <summary>
/// Who hears about which runs, and how. <see cref="ExportId"/> set: that export; null: the user's own exports, or
/// (<see cref="AllExports"/>, admins only) every export's failures.
/// </summary>
public sealed class NotificationSubscription
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public int? ExportId { get; set; }
    public Export? Export { get; set; }
    public bool AllExports { get; set; }
    public NotifyWhen When { get; set; }
    public NotificationChannel Channel { get; set; }
    public string? WebhookUrl { get; set; }
    public WebhookFormat WebhookFormat { get; set; }

    /// <summary>The webhook's signing secret, encrypted (<see cref="Security.SecretPurposes.WebhookSecret"/>).</summary>
    public string? WebhookSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
