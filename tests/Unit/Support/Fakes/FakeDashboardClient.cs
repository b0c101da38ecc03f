using Portal.Contracts.Dashboard;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeDashboardClient : IDashboardClient
{
    public DashboardTiles Tiles { get; set; } = new(0, 0, 0, new RunCounts(0, 0, 0, 0), 0, [], Samples.Start);
    public List<string?> TileOwners { get; } = [];
    public List<(int Days, string? OwnerId)> DailyQueries { get; } = [];
    public IReadOnlyList<RunPoint> Points { get; set; } = [];
    public SetupProgress Setup { get; set; } = new() { HasDominoKey = true, HasExports = true };

    public Task<DashboardTiles> TilesAsync(string? ownerId = null, CancellationToken cancellationToken = default)
    {
        TileOwners.Add(ownerId);
        return Task.FromResult(Tiles);
    }

    public Task<IReadOnlyList<DailyRuns>> DailyAsync(int days, string? ownerId = null, CancellationToken cancellationToken = default)
    {
        DailyQueries.Add((days, ownerId));
        var today = DateOnly.FromDateTime(Samples.Start.UtcDateTime);
        return Task.FromResult<IReadOnlyList<DailyRuns>>([.. Enumerable.Range(0, days).Select(i => new DailyRuns(today.AddDays(i - days + 1), i, 1, 0, 0, i * 1000L))]);
    }

    public Task<IReadOnlyList<RunPoint>> ExportRunsAsync(int exportId, int last = 30, CancellationToken cancellationToken = default) =>
        Task.FromResult(Points);

    public Task<SetupProgress> SetupAsync(CancellationToken cancellationToken = default) => Task.FromResult(Setup);
}
