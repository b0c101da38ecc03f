using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Exports;
using Portal.Contracts.Dashboard;

namespace Portal.Dashboard;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerDashboardClient(PageCaller user) : IDashboardClient
{
    public Task<DashboardTiles> TilesAsync(string? ownerId = null, CancellationToken cancellationToken = default) =>
        user.CallAsync<DashboardService, DashboardTiles>((s, u) => s.TilesAsync(u, ownerId, cancellationToken));

    public Task<IReadOnlyList<DailyRuns>> DailyAsync(int days, string? ownerId = null, CancellationToken cancellationToken = default) =>
        user.CallAsync<DashboardService, IReadOnlyList<DailyRuns>>((s, u) => s.DailyAsync(u, days, ownerId, cancellationToken));

    public Task<IReadOnlyList<RunPoint>> ExportRunsAsync(int exportId, int last = 30, CancellationToken cancellationToken = default) =>
        user.CallAsync<DashboardService, IReadOnlyList<RunPoint>>(async (s, u) =>
            await s.ExportRunsAsync(u, exportId, last, cancellationToken) ?? throw NotVisible.Export());

    public Task<SetupProgress> SetupAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<DashboardService, SetupProgress>((s, u) => s.SetupAsync(u, cancellationToken));
}
