using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Connections;
using Portal.Exports;
using Portal.Profile;
using Portal.Runs;
using Portal.Templates;
using Portal.Contracts.Connections;
using Portal.Contracts.Dashboard;
using Portal.Contracts.Exports;
using Portal.Contracts.Profile;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;

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
}
