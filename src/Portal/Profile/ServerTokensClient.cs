using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Contracts.Profile;

namespace Portal.Profile;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerTokensClient(PageCaller user) : Contracts.Profile.ITokensClient
{
    public Task<IReadOnlyList<Contracts.Profile.TokenDto>> ListAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<PersonalAccessTokenService, IReadOnlyList<Contracts.Profile.TokenDto>>((s, u) => s.ListAsync(u, cancellationToken));

    public Task<Contracts.Profile.CreatedToken> CreateAsync(Contracts.Profile.CreateTokenRequest request, CancellationToken cancellationToken = default) =>
        user.CallAsync<PersonalAccessTokenService, Contracts.Profile.CreatedToken>((s, u) => s.CreateAsync(u, request, cancellationToken));

    public Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<PersonalAccessTokenService, bool>((s, u) => s.RevokeAsync(u, id, cancellationToken));
}
