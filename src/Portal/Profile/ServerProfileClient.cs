using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Contracts.Profile;

namespace Portal.Profile;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerProfileClient(PageCaller user) : IProfileClient
{
    public Task<IReadOnlyList<DominoKeyDto>> DominoKeysAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<DominoKeyService, IReadOnlyList<DominoKeyDto>>((s, u) => s.ListAsync(u, cancellationToken));

    public Task<SaveKeyResult> SaveDominoKeyAsync(int deploymentId, string apiKey, CancellationToken cancellationToken = default) =>
        user.CallAsync<DominoKeyService, SaveKeyResult>((s, u) => s.SaveAsync(u, deploymentId, apiKey, cancellationToken));

    public Task RemoveDominoKeyAsync(int deploymentId, CancellationToken cancellationToken = default) =>
        user.CallAsync<DominoKeyService, int>(async (s, u) => { await s.RemoveAsync(u, deploymentId, cancellationToken); return 0; });
}
