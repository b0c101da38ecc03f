namespace Portal.Contracts.Dashboard;

/// <summary>The dashboard's view of the server. Users see their own exports' numbers; admins all, or one owner's.</summary>
public interface IDashboardClient
{
    Task<DashboardTiles> TilesAsync(string? ownerId = null, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="days"/> days (today included), oldest first, a row for every day.</summary>
    Task<IReadOnlyList<DailyRuns>> DailyAsync(int days, string? ownerId = null, CancellationToken cancellationToken = default);

    /// <summary>An export's last <paramref name="last"/> runs, oldest first.</summary>
    Task<IReadOnlyList<RunPoint>> ExportRunsAsync(int exportId, int last = 30, CancellationToken cancellationToken = default);

    /// <summary>The setup checklist: the portal's steps for admins, the caller's own for everyone.</summary>
    Task<SetupProgress> SetupAsync(CancellationToken cancellationToken = default);
}
