using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Notifications;

/// <summary>An admin's SMTP settings. An empty <see cref="Password"/> keeps the stored one unless <see cref="ClearPassword"/>.</summary>
public sealed class SmtpSettingsForm
{
    [MaxLength(255)]
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    [MaxLength(255)]
    public string? UserName { get; set; }

    [MaxLength(200)]
    public string? Password { get; set; }

    public bool ClearPassword { get; set; }

    [MaxLength(255)]
    public string? From { get; set; }

    public bool UseTls { get; set; } = true;
}
