namespace Portal.Contracts.Dashboard;

/// <summary>The home page's tiles: exports, the last 24 hours' runs and bytes, and the components' health.</summary>
public sealed record DashboardTiles(
    int ActiveExports,
    int DisabledExports,
    int RunningNow,
    RunCounts Last24Hours,
    long BytesLast24Hours,
    IReadOnlyList<ComponentHealthDto> Components,
    DateTimeOffset At);

public sealed record RunCounts(int Succeeded, int Failed, int Skipped, int Cancelled)
{
    public int Total => Succeeded + Failed + Skipped + Cancelled;
}

/// <summary>
/// A component's last recorded check (Domino, DominoRegistry, S3, Registry, Docker); <see cref="CheckedAt"/> is null
/// for a connection the recurring check has not reached yet.
/// </summary>
public sealed record ComponentHealthDto(string Component, int TargetId, string Name, bool Healthy, string? Message, DateTimeOffset? CheckedAt);

/// <summary>One day of runs by outcome and the bytes they exported (from the daily totals, not the runs).</summary>
public sealed record DailyRuns(DateOnly Day, int Succeeded, int Failed, int Skipped, int Cancelled, long Bytes);

/// <summary>One run of an export, as its chart plots it.</summary>
public sealed record RunPoint(long RunId, int Number, DateTimeOffset At, double? DurationSeconds, long Bytes, int Status);

/// <summary>The dashboard's view of the server. Users see their own exports' numbers; admins all, or one owner's.</summary>
public interface IDashboardClient
{
    Task<DashboardTiles> TilesAsync(string? ownerId = null, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="days"/> days (today included), oldest first, a row for every day.</summary>
    Task<IReadOnlyList<DailyRuns>> DailyAsync(int days, string? ownerId = null, CancellationToken cancellationToken = default);

    /// <summary>An export's last <paramref name="last"/> runs, oldest first.</summary>
    Task<IReadOnlyList<RunPoint>> ExportRunsAsync(int exportId, int last = 30, CancellationToken cancellationToken = default);
}
