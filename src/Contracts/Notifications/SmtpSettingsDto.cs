namespace Portal.Contracts.Notifications;

/// <summary>The SMTP server notifications go through, as admins see it: whether a password is set, never the password.</summary>
public sealed record SmtpSettingsDto(string? Host, int Port, string? UserName, bool HasPassword, string? From, bool UseTls);
