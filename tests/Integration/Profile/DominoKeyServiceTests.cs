using Microsoft.EntityFrameworkCore;
using Portal.Profile;
using Portal.Tests.Integration.Runs;
using Portal.Contracts.Profile;

namespace Portal.Tests.Integration.Profile;

public sealed class DominoKeyServiceTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_key_is_checked_with_Domino_and_stored_encrypted_with_who_it_belongs_to()
    {
        var user = await Host.UserAsync($"keyed{Fixture.Next()}@example.com");
        var (domino, _, _) = await Host.ConnectionsAsync(Fixture);
        var dominoUser = Fixture.Domino.AddUser($"jdoe{Fixture.Next()}");

        var saved = await Host.WithAsync<DominoKeyService, SaveKeyResult>(k => k.SaveAsync(user, domino, dominoUser.ApiKey, default));
        var listed = await Host.WithAsync<DominoKeyService, IReadOnlyList<DominoKeyDto>>(k => k.ListAsync(user, default));
        var stored = await Host.DbAsync(db => db.DominoApiKeys.AsNoTracking().SingleAsync(k => k.UserId == user.Id));

        Assert.True(saved.Succeeded);
        Assert.Equal($"Saved. Domino says this key belongs to {dominoUser.UserName}.", saved.Message);
        Assert.Equal(dominoUser.UserName, listed.Single().DominoUserName);
        Assert.NotEqual(dominoUser.ApiKey, stored.ProtectedKey);
        Assert.Equal(DominoKeyService.Hash(dominoUser.ApiKey), stored.KeyHash);
    }

    [Fact]
    public async Task A_key_Domino_does_not_know_is_refused_and_not_stored()
    {
        var user = await Host.UserAsync($"nokey{Fixture.Next()}@example.com");
        var (domino, _, _) = await Host.ConnectionsAsync(Fixture);

        var saved = await Host.WithAsync<DominoKeyService, SaveKeyResult>(k => k.SaveAsync(user, domino, "made-up-key", default));

        Assert.False(saved.Succeeded);
        Assert.StartsWith("Domino did not accept the key", saved.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Host.DbAsync(db => db.DominoApiKeys.CountAsync(k => k.UserId == user.Id)));
    }
}
