using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeUserAdministration : IUserAdministration
{
    public List<UserSummary> Users { get; } =
    [
        new("u-alice", "alice@example.com", AccountStatus.Approved, false, DateTimeOffset.UnixEpoch, null, null),
        new("u-bob", "bob@example.com", AccountStatus.Approved, false, DateTimeOffset.UnixEpoch, null, null),
    ];

    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserSummary>>(Users);

    public List<(string UserId, UserAction Action)> Applied { get; } = [];

    public Task<UserActionResult> ApplyAsync(string userId, UserAction action, CancellationToken cancellationToken = default)
    {
        Applied.Add((userId, action));
        return Task.FromResult(new UserActionResult(true, "Done."));
    }
}
