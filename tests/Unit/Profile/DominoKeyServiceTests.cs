using Microsoft.EntityFrameworkCore;
using Portal.Client.Profile;
using Portal.Profile;
using Portal.Tests.Unit.Runs;

namespace Portal.Tests.Unit.Profile;

[Collection(PortalExportsCollection.Name)]
public sealed class DominoKeyServiceTests(PortalExportsFixture fixture) : IAsyncLifetime
{
    private ExportsHost _host = null!;

    public async Task InitializeAsync() => _host = await ExportsHost.StartAsync(fixture);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_key_is_checked_with_Domino_and_stored_encrypted_with_who_it_belongs_to()
    {
        var user = await _host.UserAsync($"keyed{fixture.Next()}@example.com");
        var (domino, _, _) = await _host.ConnectionsAsync(fixture);
        var dominoUser = fixture.Domino.AddUser($"jdoe{fixture.Next()}");

        var saved = await _host.WithAsync<DominoKeyService, SaveKeyResult>(k => k.SaveAsync(user, domino, dominoUser.ApiKey, default));
        var listed = await _host.WithAsync<DominoKeyService, IReadOnlyList<DominoKeyDto>>(k => k.ListAsync(user, default));
        var stored = await _host.DbAsync(db => db.DominoApiKeys.AsNoTracking().SingleAsync(k => k.UserId == user.Id));

        Assert.True(saved.Succeeded);
        Assert.Equal($"Saved. Domino says this key belongs to {dominoUser.UserName}.", saved.Message);
        Assert.Equal(dominoUser.UserName, listed.Single().DominoUserName);
        Assert.NotEqual(dominoUser.ApiKey, stored.ProtectedKey);
        Assert.Equal(DominoKeyService.Hash(dominoUser.ApiKey), stored.KeyHash);
    }

    [Fact]
    public async Task A_key_Domino_does_not_know_is_refused_and_not_stored()
    {
        var user = await _host.UserAsync($"nokey{fixture.Next()}@example.com");
        var (domino, _, _) = await _host.ConnectionsAsync(fixture);

        var saved = await _host.WithAsync<DominoKeyService, SaveKeyResult>(k => k.SaveAsync(user, domino, "made-up-key", default));

        Assert.False(saved.Succeeded);
        Assert.StartsWith("Domino did not accept the key", saved.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _host.DbAsync(db => db.DominoApiKeys.CountAsync(k => k.UserId == user.Id)));
    }
}
