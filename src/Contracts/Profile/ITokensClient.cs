namespace Portal.Contracts.Profile;

/// <summary>The profile page's personal access tokens (in-process on the server, <c>/api/profile/tokens</c> in WebAssembly).</summary>
public interface ITokensClient
{
    Task<IReadOnlyList<TokenDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<CreatedToken> CreateAsync(CreateTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stops the token at once; it stays in the list as revoked.</summary>
    Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default);
}
