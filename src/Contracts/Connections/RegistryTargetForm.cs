using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class RegistryTargetForm
{
    [Required(ErrorMessage = "Enter a name, e.g. Team registry."), StringLength(100, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Name")] public string Name { get; set; } = "";
    [Required(ErrorMessage = "Enter the registry host, e.g. registry.example.com."), StringLength(255, ErrorMessage = InputRules.TooLong), HostPort, Display(Name = "Host")] public string Host { get; set; } = "";
    [StringLength(255, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "User")] public string? UserName { get; set; }
    [StringLength(InputRules.MaxSecretLength, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Password")] public string? Password { get; set; }
    public bool ClearPassword { get; set; }
}
