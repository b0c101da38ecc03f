namespace Portal.Contracts.Dashboard;

/// <summary>One day of runs by outcome and the bytes they exported (from the daily totals, not the runs).</summary>
public sealed record DailyRuns(DateOnly Day, int Succeeded, int Failed, int Skipped, int Cancelled, long Bytes);
