using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Admin;

/// <summary>
/// What exports created through the v1 API use (the original service had these globally): the Domino
/// deployment whose keys it accepts, the S3 target and registry they export to, the Dockerfile template,
/// and the account that owns exports whose key no portal account stored.
/// </summary>
// An unknown field is a 400, not a save that clears every setting it did not name.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed class V1SettingsForm
{
    public int? DominoDeploymentId { get; set; }
    public int? S3TargetId { get; set; }
    public int? RegistryTargetId { get; set; }
    public int? TemplateId { get; set; }
    [StringLength(450, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Service account")] public string? ServiceAccountId { get; set; }
}
