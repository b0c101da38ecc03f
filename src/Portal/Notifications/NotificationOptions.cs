namespace Portal.Notifications;

/// <summary>The <c>Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Slack-compatible incoming webhook that hears about every sign-up. Optional.</summary>
    public string? SignupWebhookUrl { get; set; }

    /// <summary>The account mails' SMTP server, and the run notices' when an admin has set none on the Notifications card.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>While an export keeps failing, a reminder at most this often (the first failure is always told).</summary>
    public TimeSpan RepeatAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The wait before the second try of a message that could not be sent; it doubles for each further try.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tries per message before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// Internal addresses or networks (<c>10.20.0.0/16</c>, <c>127.0.0.1</c>) run-notice webhooks may reach; public
    /// addresses always may. Empty by default: no webhook reaches loopback, private or link-local addresses.
    /// Null rather than a filled list by default: the configuration binder adds to a list it finds, never replaces it.
    /// </summary>
    public List<string>? WebhookAllowedNetworks { get; set; }

    /// <summary>How long one try may take (the SMTP conversation, or the webhook's answer).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
