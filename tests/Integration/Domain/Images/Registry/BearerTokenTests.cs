using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Contracts.Runs;
using Portal.Domain.Images;
using Portal.Domain.Images.Registry;
using Portal.Domain.Runs;
using Xunit.Abstractions;

namespace Portal.Tests.Integration.Domain.Images.Registry;

/// <summary>The bearer-token flow against docker-registry with <c>auth: token</c> and a token server signing RS256 JWTs.</summary>
[Collection(RegistryCopyCollection.Name)]
public sealed class BearerTokenTests(RegistryCopyFixture fx, ITestOutputHelper output)
{
    private RegistryLogin Domino(string? password = null) => new(fx.TokenRegistry.Host, RegistryCopyFixture.DominoUser, password ?? RegistryCopyFixture.DominoPassword);

    private RegistryLogin Exporter(string? password = null) => new(fx.TokenRegistry.Host, RegistryCopyFixture.TargetUser, password ?? RegistryCopyFixture.TargetPassword);

    private List<TokenRequestSeen> TokenRequests(string repository) =>
        fx.Tokens.Requests.Where(r => r.Scopes.Any(s => s.Contains(repository, StringComparison.Ordinal)))
            .Select(r => new TokenRequestSeen(r.User, string.Join(' ', r.Scopes), r.Granted)).ToList();

    private sealed record TokenRequestSeen(string? User, string Scopes, bool Granted);

    [Fact]
    public async Task Copies_with_bearer_tokens_asking_one_token_per_side_with_the_scopes_it_needs()
    {
        var (source, _) = await TestSources.PublishLayeredAsync(fx.TokenRegistry, "domino/token-env", "rev1", layers: 3, seed: 90);
        var (user, project, _) = fx.NewProject("token-copy", source.Reference);

        var result = await RegistryCopyOutput.ExportAsync(fx.Exporter, fx.Request(user, project, source: Domino(), target: Exporter()), output);

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(source.Digest, (await fx.TokenRegistry.GetManifestAsync("team-a/token-copy", "latest")).Digest);
        // One registry: the target's token may read the source repository, so every blob is mounted, none copied.
        Assert.All(result.Layers, l => Assert.Equal(LayerOutcome.Mounted, l.Outcome));
        Assert.Equal(
            [
                new TokenRequestSeen("domino", "repository:domino/token-env:pull", true),
                new TokenRequestSeen("exporter", "repository:team-a/token-copy:pull,push repository:domino/token-env:pull", true),
            ],
            TokenRequests("token-env").OrderBy(r => r.User));
    }

    [Fact]
    public async Task Copies_from_a_token_registry_to_an_htpasswd_one()
    {
        var (source, spec) = await TestSources.PublishAsync(fx.TokenRegistry, "domino/token-to-basic", "rev1");
        var (user, project, _) = fx.NewProject("token-to-basic", source.Reference);

        var result = await RegistryCopyOutput.ExportAsync(fx.Exporter, fx.Request(user, project, source: Domino()), output);

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.All(result.Layers, l => Assert.Equal(LayerOutcome.Copied, l.Outcome));
        Assert.Equal(spec.Layers[0].Bytes(), await fx.Target.GetBlobAsync("team-a/token-to-basic", spec.Layers[0].Digest));
    }

    [Fact]
    public async Task Reports_credentials_the_token_server_refuses_as_114()
    {
        var (source, _) = await TestSources.PublishAsync(fx.TokenRegistry, "domino/token-refused", "rev1");
        var (user, project, _) = fx.NewProject("token-refused", source.Reference);

        var wrongDomino = await RegistryCopyOutput.ExportAsync(fx.Exporter,
            fx.Request(user, project, source: Domino("wrong-domino"), target: Exporter()), output);
        var wrongTarget = await RegistryCopyOutput.ExportAsync(fx.Exporter,
            fx.Request(user, project, source: Domino(), target: Exporter("wrong-target")), output);
        var anonymous = await RegistryCopyOutput.ExportAsync(fx.Exporter,
            fx.Request(user, project, source: new RegistryLogin(fx.TokenRegistry.Host), target: Exporter()), output);

        Assert.Equal(StatusCode.DockerAuthenticationError, wrongDomino.Status);
        Assert.StartsWith($"The Domino registry {fx.TokenRegistry.Host} refused the credentials of user 'domino'", wrongDomino.Message, StringComparison.Ordinal);
        Assert.Contains("the token server refused the credentials", wrongDomino.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerAuthenticationError, wrongTarget.Status);
        Assert.StartsWith($"The target registry {fx.TokenRegistry.Host} refused the credentials of user 'exporter'", wrongTarget.Message, StringComparison.Ordinal);
        // Anonymous: the token server hands out a token without access, and the registry refuses the manifest with it.
        Assert.Equal(StatusCode.DockerAuthenticationError, anonymous.Status);
        Assert.StartsWith($"The Domino registry refused access to {source.Reference}: HTTP 401", anonymous.Message, StringComparison.Ordinal);
        foreach (var r in new[] { wrongDomino, wrongTarget, anonymous })
            Assert.DoesNotContain("wrong-", r.Message + r.ExceptionDetails, StringComparison.Ordinal);
        Assert.Null(await fx.TokenRegistry.FindManifestAsync("team-a/token-refused", "latest"));
    }

    [Fact]
    public async Task Reports_a_token_without_push_access_as_a_refused_push_118()
    {
        var (source, _) = await TestSources.PublishAsync(fx.TokenRegistry, "domino/read-only-user", "rev1");
        var (user, project, _) = fx.NewProject("no-push-grant", source.Reference);
        var grant = fx.Tokens.Grant;
        fx.Tokens.Grant = (who, repository, actions) => repository == "team-a/no-push-grant" ? ["pull"] : grant(who, repository, actions);
        try
        {
            var result = await RegistryCopyOutput.ExportAsync(fx.Exporter, fx.Request(user, project, source: Domino(), target: Exporter()), output);

            Assert.Equal(StatusCode.DockerPushError, result.Status);
            Assert.StartsWith($"The target registry refused the push of {fx.TokenRegistry.Host}/team-a/no-push-grant:", result.Message, StringComparison.Ordinal);
            Assert.Contains("HTTP 401", result.Message, StringComparison.Ordinal);
        }
        finally
        {
            fx.Tokens.Grant = grant;
        }
    }

    [Fact]
    public async Task Keeps_a_token_until_it_expires_then_asks_for_a_new_one()
    {
        var (source, spec) = await TestSources.PublishAsync(fx.TokenRegistry, "domino/token-expiry", "rev1");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = RegistryCopyFixture.CreateServices(time: time);
        var clients = services.GetRequiredService<RegistryClientFactory>();
        var client = clients.Create(clients.Endpoint(fx.TokenRegistry.Host), RegistryRole.Source, Domino(), ["repository:domino/token-expiry:pull"]);

        await client.ConnectAsync(default);
        for (var i = 0; i < 3; i++) Assert.True(await client.BlobExistsAsync("domino/token-expiry", spec.Layers[0].Digest, default));
        var beforeExpiry = TokenRequests("token-expiry").Count;
        time.Advance(fx.Tokens.Lifetime - TimeSpan.FromSeconds(30));
        Assert.NotNull(await client.GetManifestAsync("domino/token-expiry", "rev1", default));
        var stillValid = TokenRequests("token-expiry").Count;
        time.Advance(TimeSpan.FromSeconds(25)); // within the last 10 s of its life: renewed before it runs out
        Assert.NotNull(await client.GetManifestAsync("domino/token-expiry", source.Digest, default));

        Assert.Equal(1, beforeExpiry);
        Assert.Equal(1, stillValid);
        Assert.Equal(2, TokenRequests("token-expiry").Count);
    }
}
