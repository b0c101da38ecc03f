using Portal.Contracts.Profile;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeTokensClient : ITokensClient
{
    public List<TokenDto> List { get; } = [];
    public List<int> Revoked { get; } = [];
    public List<CreateTokenRequest> Created { get; } = [];

    public Task<IReadOnlyList<TokenDto>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TokenDto>>(List.ToList());

    public Task<CreatedToken> CreateAsync(CreateTokenRequest request, CancellationToken cancellationToken = default)
    {
        Created.Add(new CreateTokenRequest { Name = request.Name, ExpiresInDays = request.ExpiresInDays });
        var now = DateTimeOffset.UtcNow;
        var dto = new TokenDto(99, request.Name, "dxp_secret12", now, now.AddDays(request.ExpiresInDays), null, null);
        List.Add(dto);
        return Task.FromResult(new CreatedToken(true, "Copy the token now: it is not shown again.", dto, "dxp_secret_value"));
    }

    public Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        Revoked.Add(id);
        var i = List.FindIndex(t => t.Id == id);
        List[i] = List[i] with { RevokedAt = DateTimeOffset.UtcNow };
        return Task.FromResult(true);
    }
}
