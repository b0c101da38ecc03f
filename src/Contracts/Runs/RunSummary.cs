using System.Text.Json.Serialization;

namespace Portal.Contracts.Runs;

/// <summary>A run as lists show it: status, counts and times. The status travels as its number, as in the v1 API.</summary>
public sealed record RunSummary
{
    public required long Id { get; init; }
    public required int ExportId { get; init; }
    public required int Number { get; init; }
    public required string Trigger { get; init; }
    public required int Status { get; init; }
    public required string StatusName { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public int FilesTotal { get; init; }
    public int FilesDone { get; init; }
    public int FilesFailed { get; init; }
    public long BytesTotal { get; init; }
    public long BytesDone { get; init; }
    public long ImageBytesTotal { get; init; }
    public long ImageBytesDone { get; init; }

    /// <summary>Export, Verify (the latest snapshot read back and compared with its manifest) or DryRun (planned, nothing written).</summary>
    public string Kind { get; init; } = "Export";

    /// <summary>The kind as people read it: "Export run", "Verify run", "Dry run".</summary>
    [JsonIgnore]
    public string KindLabel => Kind == "DryRun" ? "Dry run" : $"{Kind} run";

    [JsonIgnore]
    public bool IsDryRun => Kind == "DryRun";

    [JsonIgnore]
    public StatusCode Code => (StatusCode)Status;

    public bool IsRunning => Code.IsRunning();
    public bool IsQueued => Code.IsQueued();
    public bool IsError => Code.IsError();
    public double? DurationSeconds => StartedAt is { } s ? ((EndedAt ?? DateTimeOffset.UtcNow) - s).TotalSeconds : null;
}
