using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Notifications;

/// <summary>An admin's SMTP settings. An empty <see cref="Password"/> keeps the stored one unless <see cref="ClearPassword"/>.</summary>
public sealed class SmtpSettingsForm
{
    [MaxLength(255, ErrorMessage = InputRules.TooLong), Display(Name = "Host")] public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = InputRules.PortRange), Display(Name = "Port")] public int Port { get; set; } = 587;

    [MaxLength(255, ErrorMessage = InputRules.TooLong), Display(Name = "User name")] public string? UserName { get; set; }

    [MaxLength(200, ErrorMessage = InputRules.TooLong), Display(Name = "Password")] public string? Password { get; set; }

    public bool ClearPassword { get; set; }

    [MaxLength(255, ErrorMessage = InputRules.TooLong), Display(Name = "From")] public string? From { get; set; }

    public bool UseTls { get; set; } = true;
}
