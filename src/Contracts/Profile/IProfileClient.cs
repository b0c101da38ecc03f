namespace Portal.Contracts.Profile;

/// <summary>The profile page's view of the server.</summary>
public interface IProfileClient
{
    Task<IReadOnlyList<DominoKeyDto>> DominoKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks the key with Domino, then stores it encrypted.</summary>
    Task<SaveKeyResult> SaveDominoKeyAsync(int deploymentId, string apiKey, CancellationToken cancellationToken = default);

    Task RemoveDominoKeyAsync(int deploymentId, CancellationToken cancellationToken = default);
}
