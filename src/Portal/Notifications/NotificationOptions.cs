namespace Portal.Notifications;

/// <summary>The <c>Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Slack-compatible incoming webhook that hears about every sign-up. Optional.</summary>
    public string? SignupWebhookUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}
