using Portal.Client.Exports;
using Portal.Client.Runs;

namespace Portal.Tests.Unit.Support.Fakes;

/// <summary>Typical values the pages show, to vary per test with <c>with</c>.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static ExportFormOptions FormOptions(params int[] deploymentsWithKey) => new(
        [new Option(1, "Domino prod")],
        [new Option(1, "Lab S3")],
        [new Option(1, "Lab registry")],
        [new Option(1, "Standard")],
        [new SchedulePresetDto("Every 15 minutes", "*/15 * * * *"), new SchedulePresetDto("Hourly", "0 * * * *")],
        ["UTC", "Europe/Berlin"],
        deploymentsWithKey.Length == 0 ? [1] : deploymentsWithKey);

    public static ExportSummary Export(int id, string group = "team", string project = "model", int? lastStatus = 290) => new(
        id, $"{id:x32}", ExportKind.Project, "u-alice", "alice@example.com", "alice/model", group, project, Enabled: true, Archived: false,
        "0 * * * *", "UTC", lastStatus, lastStatus is null ? null : "Completed", 1, Start, 12.5, Start.AddHours(1), Running: false);

    public static RunSummary Run(int status, long bytesDone = 0, long bytesTotal = 0, int filesDone = 0, int filesTotal = 0, string? message = null) => new(
        1, 3, 5, "Manual", status, StatusName(status), message, Start, Start.AddSeconds(1), status is 210 or >= 300 or 220 ? null : Start.AddSeconds(30),
        filesTotal, filesDone, 0, bytesTotal, bytesDone, 0, 0);

    public static RunDetails Details(RunSummary run, IReadOnlyList<RunStageDto>? stages = null, string? exceptionType = null, string? exceptionDetails = null,
        bool cancelRequested = false, IReadOnlyList<RunImageDto>? images = null, string? imagePath = null, IReadOnlyList<RunLayerDto>? layers = null) => new(
        run, new string('a', 32), "team/model", "alice@example.com", "alice@example.com", "node-1", 290, "Completed", "c0ffee", "s3://b/p/latest",
        null, null, null, null, null, exceptionType, exceptionDetails, cancelRequested,
        stages ?? [new RunStageDto(300, "Running", Start.AddSeconds(1)), new RunStageDto(310, "ProjectFileExportInitiated", Start.AddSeconds(2))],
        images ?? [], imagePath, layers ?? []);

    public static string StatusName(int status) => status switch
    {
        290 => "Completed",
        300 => "Running",
        220 => "Scheduled",
        104 => "ExecutionCancelled",
        141 => "S3BucketNotFound",
        200 => "Skipped",
        _ => "UnknownError",
    };
}
