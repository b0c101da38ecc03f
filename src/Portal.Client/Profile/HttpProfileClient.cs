using System.Net;
using System.Net.Http.Json;
using Portal.Contracts.Profile;
using Portal.Client.Shared;

namespace Portal.Client.Profile;

public sealed class HttpProfileClient(HttpClient http) : IProfileClient
{
    public async Task<IReadOnlyList<DominoKeyDto>> DominoKeysAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<List<DominoKeyDto>>("api/profile/domino-keys", cancellationToken);

    public async Task<SaveKeyResult> SaveDominoKeyAsync(int deploymentId, string apiKey, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/profile/domino-keys/{deploymentId}", new SaveKeyRequest(apiKey), cancellationToken);
        // A key Domino refused is a 400 with the result saying why; anything else failed on the way.
        return await response.ReadAsync<SaveKeyResult>(HttpStatusCode.BadRequest, cancellationToken);
    }

    public async Task RemoveDominoKeyAsync(int deploymentId, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"api/profile/domino-keys/{deploymentId}", cancellationToken);
        await response.EnsureSuccessAsync(cancellationToken);
    }
}
