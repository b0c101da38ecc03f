using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Tests.Unit.Support.Fakes;

/// <summary>Typical values the pages show, to vary per test with <c>with</c>.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static ExportFormOptions FormOptions(params int[] deploymentsWithKey) => new(
        [new Option(1, "Domino prod")],
        [new Option(1, "Lab S3")],
        [new Option(1, "Lab registry")],
        [new TemplateOption(1, "Standard", IsStandard: true, Path: "Registry", PathReason: "only names the environment's image: copied registry to registry")],
        [new SchedulePresetDto("Every 15 minutes", "*/15 * * * *"), new SchedulePresetDto("Hourly", "0 * * * *")],
        ["UTC", "Europe/Berlin"],
        deploymentsWithKey.Length == 0 ? [1] : deploymentsWithKey);

    public static ExportSummary Export(int id, string group = "team", string project = "model", int? lastStatus = 290) => new()
    {
        Id = id,
        ExportKey = $"{id:x32}",
        Kind = ExportKind.Project,
        OwnerId = "u-alice",
        OwnerEmail = "alice@example.com",
        Source = "alice/model",
        GroupName = group,
        ProjectName = project,
        Enabled = true,
        Archived = false,
        Schedule = "0 * * * *",
        TimeZone = "UTC",
        LastStatus = lastStatus,
        LastStatusName = lastStatus is null ? null : "Completed",
        LastRunId = 1,
        LastRunAt = Start,
        LastDurationSeconds = 12.5,
        NextRunAt = Start.AddHours(1),
        Running = false,
    };

    public static RunSummary Run(int status, long bytesDone = 0, long bytesTotal = 0, int filesDone = 0, int filesTotal = 0, string? message = null) => new()
    {
        Id = 1,
        ExportId = 3,
        Number = 5,
        Trigger = "Manual",
        Status = status,
        StatusName = StatusName(status),
        Message = message,
        CreatedAt = Start,
        StartedAt = Start.AddSeconds(1),
        EndedAt = status is 210 or >= 300 or 220 ? null : Start.AddSeconds(30),
        FilesTotal = filesTotal,
        FilesDone = filesDone,
        BytesTotal = bytesTotal,
        BytesDone = bytesDone,
    };

    public static RunDetails Details(RunSummary run, IReadOnlyList<RunStageDto>? stages = null, string? exceptionType = null, string? exceptionDetails = null,
        bool cancelRequested = false, IReadOnlyList<RunImageDto>? images = null) => new()
    {
        Summary = run,
        ExportKey = new string('a', 32),
        ExportName = "team/model",
        OwnerEmail = "alice@example.com",
        TriggeredBy = "alice@example.com",
        Node = "node-1",
        FilesStatus = 290,
        FilesStatusName = "Completed",
        CommitId = "c0ffee",
        FilesLocation = "s3://b/p/latest",
        ExceptionType = exceptionType,
        ExceptionDetails = exceptionDetails,
        CancelRequested = cancelRequested,
        Stages = stages ?? [new RunStageDto(300, "Running", Start.AddSeconds(1)), new RunStageDto(310, "ProjectFileExportInitiated", Start.AddSeconds(2))],
        Images = images ?? [],
    };

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
