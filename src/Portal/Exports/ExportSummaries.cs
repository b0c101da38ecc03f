using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Exports;

/// <summary>Exports as the exports table's rows, projected in the database.</summary>
public static class ExportSummaries
{
    public static IQueryable<ExportSummary> ToSummaries(this IQueryable<Export> exports) => exports.Select(e => new ExportSummary
    {
        Id = e.Id,
        ExportKey = e.ExportKey,
        Kind = e.Kind,
        OwnerId = e.OwnerId,
        OwnerEmail = e.Owner!.Email ?? "",
        Source = e.Kind == ExportKind.Project ? e.DominoOwnerName + "/" + e.DominoProjectName : "environment " + e.EnvironmentId,
        GroupName = e.GroupName,
        ProjectName = e.ProjectName,
        Enabled = e.Enabled,
        Archived = e.Archived,
        Schedule = e.Schedule,
        TimeZone = e.TimeZone,
        LastStatus = (int?)e.LastStatus,
        LastRunId = e.LastRunId,
        LastRunAt = e.LastRunAt,
        LastDurationSeconds = e.LastDurationSeconds,
        NextRunAt = e.NextRunAt,
        Running = e.ActiveRunId != null,
    });

    /// <summary>The last status's name, which the database cannot compute.</summary>
    public static ExportSummary Named(this ExportSummary summary) =>
        summary with { LastStatusName = ((StatusCode?)summary.LastStatus)?.Name() };
}
