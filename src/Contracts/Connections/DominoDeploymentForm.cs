using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class DominoDeploymentForm
{
    [Required, StringLength(100), SingleLine] public string Name { get; set; } = "";
    [Required, Url, StringLength(500), SingleLine] public string ApiUrl { get; set; } = "";
    public bool VerifyTls { get; set; } = true;
    [StringLength(255), HostPort] public string? RegistryHost { get; set; }
    [StringLength(255), SingleLine] public string? RegistryUserName { get; set; }
    [StringLength(InputRules.MaxSecretLength), SingleLine] public string? RegistryPassword { get; set; }
    public bool ClearRegistryPassword { get; set; }
}
