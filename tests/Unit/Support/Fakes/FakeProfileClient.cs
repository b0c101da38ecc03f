using Portal.Contracts.Profile;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeProfileClient : IProfileClient
{
    public List<DominoKeyDto> Keys { get; } = [];
    public List<(int DeploymentId, string Key)> SavedKeys { get; } = [];
    public Func<string, SaveKeyResult> Verify { get; set; } = _ => new SaveKeyResult(true, "Saved. Domino says this key belongs to alice.", "alice");

    public Task<IReadOnlyList<DominoKeyDto>> DominoKeysAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DominoKeyDto>>(Keys.ToList());

    public Task<SaveKeyResult> SaveDominoKeyAsync(int deploymentId, string apiKey, CancellationToken cancellationToken = default)
    {
        SavedKeys.Add((deploymentId, apiKey));
        var result = Verify(apiKey);
        if (result.Succeeded)
        {
            var i = Keys.FindIndex(k => k.DeploymentId == deploymentId);
            Keys[i] = Keys[i] with { HasKey = true, DominoUserName = result.DominoUserName, VerifiedAt = DateTimeOffset.UtcNow };
        }
        return Task.FromResult(result);
    }

    public Task RemoveDominoKeyAsync(int deploymentId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
