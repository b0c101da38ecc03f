using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Client.Profile;

namespace Portal.Tests.Unit.Profile;

public sealed class PersonalAccessTokensTests : BunitContext, IAsyncLifetime
{
    private readonly FakeTokens _tokens = new();

    public PersonalAccessTokensTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<ITokensClient>(_tokens);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    // MudBlazor's services are only asynchronously disposable.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public void Lists_tokens_by_their_prefix_with_their_state_and_offers_revoke_only_for_active_ones()
    {
        var now = DateTimeOffset.UtcNow;
        _tokens.List.Add(new TokenDto(1, "nightly", "dxp_abcdefgh", now.AddDays(-1), now.AddDays(29), null, null));
        _tokens.List.Add(new TokenDto(2, "old", "dxp_12345678", now.AddDays(-9), now.AddDays(-1), null, null));

        var component = Render<PersonalAccessTokens>();

        var rows = component.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("dxp_abcdefgh…", rows[0].TextContent);
        Assert.Contains("Active", rows[0].TextContent);
        Assert.Contains("Expired", rows[1].TextContent);
        Assert.Single(component.FindAll("button[aria-label^='Revoke']"));
    }

    [Fact]
    public void Revoke_calls_the_server_and_reloads_the_list()
    {
        var now = DateTimeOffset.UtcNow;
        _tokens.List.Add(new TokenDto(7, "ci", "dxp_cicicici", now, now.AddDays(7), null, null));
        var component = Render<PersonalAccessTokens>();

        component.Find("button[aria-label='Revoke ci']").Click();

        Assert.Equal([7], _tokens.Revoked);
        component.WaitForAssertion(() => Assert.Contains("Revoked", component.Find("tbody tr").TextContent));
    }

    [Fact]
    public void A_created_token_is_shown_once_until_dismissed()
    {
        var component = Render<PersonalAccessTokens>();

        component.Find("input").Change("deploy script");
        component.Find("form").Submit();

        component.WaitForAssertion(() => Assert.Contains("dxp_secret", component.Find("[data-testid='new-token']").InnerHtml));
        component.FindAll("button").Single(b => b.TextContent.Contains("I have copied it", StringComparison.Ordinal)).Click();
        Assert.Empty(component.FindAll("[data-testid='new-token']"));
        Assert.Equal("deploy script", _tokens.Created.Single().Name);
    }

    private sealed class FakeTokens : ITokensClient
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
}
