using System.Net;
using System.Net.Http.Json;
using Portal.Client.Shared;
using Portal.Contracts.Profile;

namespace Portal.Client.Profile;

internal sealed class HttpTokensClient(HttpClient http) : ITokensClient
{
    private const string Base = "api/profile/tokens";

    public async Task<IReadOnlyList<TokenDto>> ListAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<TokenDto>>(Base, cancellationToken) ?? [];

    public async Task<CreatedToken> CreateAsync(CreateTokenRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(Base, request, cancellationToken);
        return await HttpResults.TryReadAsync<CreatedToken>(response, cancellationToken)
            ?? new CreatedToken(false, $"The server answered {(int)response.StatusCode}.", null, null);
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"{Base}/{id}", cancellationToken);
        return response.StatusCode != HttpStatusCode.NotFound && response.IsSuccessStatusCode;
    }
}
