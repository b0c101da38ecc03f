namespace Portal.Notifications;

public sealed class SmtpOptions
{
    /// <summary>SMTP is on when a host is set; then emails are confirmed and approvals are mailed.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "portal@localhost";

    /// <summary>true: TLS on connect for port 465, STARTTLS otherwise; false: plain SMTP.</summary>
    public bool UseTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
