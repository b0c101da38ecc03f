using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class RegistryTargetForm
{
    [Required, StringLength(100)] public string Name { get; set; } = "";
    [Required, StringLength(255)] public string Host { get; set; } = "";
    [StringLength(255)] public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool ClearPassword { get; set; }
}
