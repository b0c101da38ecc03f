using System.Text.Json.Serialization;
using Portal.Contracts.Runs;

namespace Portal.Contracts.Exports;

/// <summary>A row of the exports table.</summary>
public sealed record ExportSummary
{
    public required int Id { get; init; }
    public required string ExportKey { get; init; }
    public required ExportKind Kind { get; init; }
    public required string OwnerId { get; init; }
    public required string OwnerEmail { get; init; }

    /// <summary>What it exports: <c>owner/project</c>, or <c>environment {id}</c>.</summary>
    public required string Source { get; init; }

    public required string GroupName { get; init; }
    public required string ProjectName { get; init; }
    public bool Enabled { get; init; }
    public bool Archived { get; init; }
    public required string Schedule { get; init; }
    public required string TimeZone { get; init; }
    public int? LastStatus { get; init; }
    public string? LastStatusName { get; init; }
    public long? LastRunId { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public double? LastDurationSeconds { get; init; }
    public DateTimeOffset? NextRunAt { get; init; }
    public bool Running { get; init; }

    /// <summary>The status to show: running while a run holds the export, else the last run's.</summary>
    [JsonIgnore]
    public StatusCode? ShownStatus => Running ? StatusCode.Running : (StatusCode?)LastStatus;
}
