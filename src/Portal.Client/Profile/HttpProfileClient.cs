using System.Net.Http.Json;
using Portal.Client.Shared;
using Portal.Contracts.Profile;

namespace Portal.Client.Profile;

internal sealed class HttpProfileClient(HttpClient http) : IProfileClient
{
    public async Task<IReadOnlyList<DominoKeyDto>> DominoKeysAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<DominoKeyDto>>("api/profile/domino-keys", cancellationToken) ?? [];

    public async Task<SaveKeyResult> SaveDominoKeyAsync(int deploymentId, string apiKey, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/profile/domino-keys/{deploymentId}", new SaveKeyRequest(apiKey), cancellationToken);
        return await HttpResults.TryReadAsync<SaveKeyResult>(response, cancellationToken)
            ?? new SaveKeyResult(false, $"The server answered {(int)response.StatusCode}.", null);
    }

    public async Task RemoveDominoKeyAsync(int deploymentId, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"api/profile/domino-keys/{deploymentId}", cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
