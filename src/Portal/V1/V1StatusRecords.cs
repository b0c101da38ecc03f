using Portal.Domain.Images;
using Portal.Domain.Schedules;
using Portal.Domain.StatusLogs;
using Portal.Exports;
using Portal.Runs;
using Portal.Contracts.Runs;

namespace Portal.V1;

/// <summary>
/// A run as the original service described it (docs/v1-compatibility.md, "Status records"): the v1 API's status records
/// and the lines of sync-status.log. The original's bugs are not kept: a queued run is "scheduled", not
/// "success", and a run that never reached its parts (101, 102) is an error, not a crash.
/// </summary>
public static class V1StatusRecords
{
    public const string Scheduled = "scheduled";
    public const string Running = "running";
    public const string Error = "error";
    public const string Skipped = "skipped";
    public const string Disabled = "disabled";
    public const string Success = "success";

    public static string StatusOf(Run run)
    {
        if (run.Status == StatusCode.Scheduled) return Scheduled;
        if (!run.Status.IsFinished()) return Running;
        if (run.Status.IsError() || run.FilesStatus?.IsError() == true || run.ImageStatus?.IsError() == true) return Error;
        if (run.Status == StatusCode.Skipped) return Skipped;
        if (run.Status == StatusCode.Disabled || run.FilesStatus == StatusCode.Disabled || run.ImageStatus == StatusCode.Disabled) return Disabled;
        return Success;
    }

    /// <summary>The record of one run. <paramref name="export"/> must have its registry target loaded for image locations.</summary>
    public static StatusRecord ForRun(Export export, Run run, IReadOnlyList<RunImage>? images, DateTimeOffset now)
    {
        var status = StatusOf(run);
        var record = new StatusRecord(
            (run.StartedAt ?? run.CreatedAt).UtcDateTime,
            export.ExportKey,
            status,
            ExportFrequencySeconds: FrequencySeconds(export, now),
            DominoUsername: export.DominoOwnerName,
            DominoProjectName: export.DominoProjectName,
            ExportGroupName: export.GroupName,
            ExportProjectName: export.ProjectName,
            ProjectExportStatus: run.FilesStatus?.Name(),
            ImageExportStatus: run.ImageStatus?.Name());
        if (status == Error)
        {
            var code = run.Status.IsError() ? run.Status : run.FilesStatus?.IsError() == true ? run.FilesStatus.Value : run.ImageStatus!.Value;
            return record with { ErrorCode = (int)code, ErrorMessage = run.Message ?? code.Describe() };
        }
        if (status is Running or Scheduled) return record;
        return record with
        {
            // Runtimes count only for the part that did the work in this run (the original's rule).
            ProjectExportRuntimeSeconds = run.FilesStatus == StatusCode.Completed ? run.FilesSeconds : null,
            ProjectExportLocation = run.FilesStatus is null ? null : run.FilesLocation,
            ProjectCommitId = run.FilesStatus is null ? null : run.CommitId,
            ImageExportRuntimeSeconds = run.ImageStatus == StatusCode.Completed ? run.ImageSeconds : null,
            ImageExportLocation = run.ImageStatus is null ? null : ImageLocations(export, run, images),
            DominoImageEnvironmentName = run.ImageStatus is null || run.EnvironmentId is null
                ? null
                : $"{run.EnvironmentName} v{run.EnvironmentRevision} [{run.EnvironmentId}]",
        };
    }

    /// <summary>The record of an export that has not run yet (the original's "run 0").</summary>
    public static StatusRecord NeverRun(Export export, DateTimeOffset now) => new(
        export.UpdatedAt.UtcDateTime,
        export.ExportKey,
        Scheduled,
        ExportFrequencySeconds: FrequencySeconds(export, now),
        DominoUsername: export.DominoOwnerName,
        DominoProjectName: export.DominoProjectName,
        ExportGroupName: export.GroupName,
        ExportProjectName: export.ProjectName);

    public static int FrequencySeconds(Export export, DateTimeOffset now) =>
        ExportSchedule.TryParse(export.Schedule, export.TimeZone, out var schedule, out _) ? schedule.FrequencySeconds(now) : 0;

    /// <summary>[latest, version], as the original listed them; for a skipped run, the tags of the revision it kept.</summary>
    private static IReadOnlyList<string> ImageLocations(Export export, Run run, IReadOnlyList<RunImage>? images)
    {
        if (images is { Count: > 0 })
            return images.OrderByDescending(i => i.Reference.EndsWith(":latest", StringComparison.Ordinal)).Select(i => i.Reference).ToList();
        if (export.RegistryDestination is { } registry && run.EnvironmentId is { } environmentId && run.EnvironmentRevision is { } revision
            && ImageTargets.TryCreate(registry.Host, export.GroupName, export.ProjectName, environmentId, revision, out var targets, out _))
            return [targets.Latest.ToString(), targets.Version.ToString()];
        return [];
    }
}
