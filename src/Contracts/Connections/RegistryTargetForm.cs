using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class RegistryTargetForm
{
    [Required, StringLength(100), SingleLine] public string Name { get; set; } = "";
    [Required, StringLength(255), HostPort] public string Host { get; set; } = "";
    [StringLength(255), SingleLine] public string? UserName { get; set; }
    [StringLength(InputRules.MaxSecretLength), SingleLine] public string? Password { get; set; }
    public bool ClearPassword { get; set; }
}
