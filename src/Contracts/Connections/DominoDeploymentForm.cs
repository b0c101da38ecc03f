using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class DominoDeploymentForm
{
    [Required(ErrorMessage = "Enter a name, e.g. Production."), StringLength(100, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Name")] public string Name { get; set; } = "";
    [Required(ErrorMessage = "Enter the Domino API URL, e.g. https://domino.example.com."), Url(ErrorMessage = InputRules.WebAddress), StringLength(500, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "API URL")] public string ApiUrl { get; set; } = "";
    public bool VerifyTls { get; set; } = true;
    [StringLength(255, ErrorMessage = InputRules.TooLong), HostPort, Display(Name = "Registry host")] public string? RegistryHost { get; set; }
    [StringLength(255, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Registry user")] public string? RegistryUserName { get; set; }
    [StringLength(InputRules.MaxSecretLength, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Registry password")] public string? RegistryPassword { get; set; }
    public bool ClearRegistryPassword { get; set; }
}
