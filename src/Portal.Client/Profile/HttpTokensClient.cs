using System.Net;
using System.Net.Http.Json;
using Portal.Contracts.Profile;
using Portal.Client.Shared;

namespace Portal.Client.Profile;

public sealed class HttpTokensClient(HttpClient http) : ITokensClient
{
    private const string Base = "api/profile/tokens";

    public async Task<IReadOnlyList<TokenDto>> ListAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<List<TokenDto>>(Base, cancellationToken);

    public async Task<CreatedToken> CreateAsync(CreateTokenRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(Base, request, cancellationToken);
        return await response.ReadAsync<CreatedToken>(HttpStatusCode.BadRequest, cancellationToken);
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"{Base}/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await response.EnsureSuccessAsync(cancellationToken);
        return true;
    }
}
