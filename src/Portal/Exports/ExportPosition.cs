using Portal.Contracts.Runs;

namespace Portal.Exports;

/// <summary>Where a run left the export's parts: what the next run compares with to skip unchanged work.</summary>
public sealed record ExportPosition(FilesPosition? Files, ImagePosition? Image);

/// <summary>The files part: the commit and settings exported, and where the latest snapshot is (when it moved).</summary>
public sealed record FilesPosition(string? CommitId, string? Fingerprint, string? Location);

/// <summary>The image part: the environment revision and settings exported.</summary>
public sealed record ImagePosition(string EnvironmentId, int? Revision, string? Fingerprint);

/// <summary>The export's summary of a finished run, which the exports table and the dashboard read.</summary>
public readonly record struct LastRun(long Id, StatusCode Status, DateTimeOffset At, double DurationSeconds, long Bytes);
