using System.ComponentModel.DataAnnotations;
using Portal.Client.Exports;
using Portal.Client.Shared;

namespace Portal.Client.Admin;

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
    [StringLength(450), SingleLine] public string? ServiceAccountId { get; set; }
}

public sealed record AccountOption(string Id, string Email);

/// <summary>The stored settings and what can be chosen.</summary>
public sealed record V1SettingsDto(
    V1SettingsForm Settings,
    IReadOnlyList<Option> Deployments,
    IReadOnlyList<Option> S3Targets,
    IReadOnlyList<Option> Registries,
    IReadOnlyList<Option> Templates,
    IReadOnlyList<AccountOption> Accounts);

/// <summary>The v1 settings component's view of the server (in-process on the server, <c>/api/admin/v1-settings</c> in WebAssembly).</summary>
public interface IV1SettingsClient
{
    Task<V1SettingsDto> GetAsync(CancellationToken cancellationToken = default);

    Task<SaveResult> SaveAsync(V1SettingsForm form, CancellationToken cancellationToken = default);
}
