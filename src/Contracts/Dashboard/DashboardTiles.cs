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
