namespace Portal.Contracts.Dashboard;

/// <summary>One run of an export, as its chart plots it.</summary>
public sealed record RunPoint(long RunId, int Number, DateTimeOffset At, double? DurationSeconds, long Bytes, int Status);
