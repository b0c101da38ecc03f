using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class DominoDeploymentForm
{
    [Required, StringLength(100)] public string Name { get; set; } = "";
    [Required, Url, StringLength(500)] public string ApiUrl { get; set; } = "";
    public bool VerifyTls { get; set; } = true;
    [StringLength(255)] public string? RegistryHost { get; set; }
    [StringLength(255)] public string? RegistryUserName { get; set; }
    public string? RegistryPassword { get; set; }
    public bool ClearRegistryPassword { get; set; }
}
