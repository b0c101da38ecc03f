using Portal.Client.Shared;
using System.ComponentModel.DataAnnotations;
namespace Portal.Client.Profile;

/// <summary>A user's Domino API key for one deployment: whether one is stored and who Domino said it belongs to.</summary>
public sealed record DominoKeyDto(int DeploymentId, string DeploymentName, bool HasKey, string? DominoUserName, DateTimeOffset? VerifiedAt);

public sealed record SaveKeyRequest([property: StringLength(InputRules.MaxSecretLength), SingleLine] string ApiKey);

public sealed record SaveKeyResult(bool Succeeded, string Message, string? DominoUserName);

/// <summary>The profile page's view of the server.</summary>
public interface IProfileClient
{
    Task<IReadOnlyList<DominoKeyDto>> DominoKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks the key with Domino, then stores it encrypted.</summary>
    Task<SaveKeyResult> SaveDominoKeyAsync(int deploymentId, string apiKey, CancellationToken cancellationToken = default);

    Task RemoveDominoKeyAsync(int deploymentId, CancellationToken cancellationToken = default);
}
