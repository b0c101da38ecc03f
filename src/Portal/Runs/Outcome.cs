using System.Globalization;
using Portal.Domain.Files;
using Portal.Domain.Images;
using Portal.Exports;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>How a run ended, put together from its parts' results (recorded as a <see cref="RunEnding"/>).</summary>
internal sealed record Outcome(StatusCode Status, string Message)
{
    public string? ExceptionType { get; init; }
    public string? ExceptionDetails { get; init; }
    public FileExportResult? Files { get; init; }
    public ImageExportResult? Image { get; init; }
    public StatusCode? FilesStatus { get; init; }
    public StatusCode? ImageStatus { get; init; }
    public string? FilesLocation { get; init; }
    public bool HasFilesPart => Files is not null;

    /// <summary>A dry run's end: recorded as a run, but it changes nothing on the export and publishes no status log.</summary>
    public bool DryRun { get; init; }

    public static Outcome Of(StatusCode status, string message) => new(status, message);

    public static Outcome From(Export export, FileExportResult? files, ImageExportResult? image, StatusCode? cancelledBy, TimeSpan timeout)
    {
        if (files is null && image is null)
            return Of(StatusCode.UnknownError, "The export has nothing to export: give it an S3 target or a registry target");

        var filesStatus = Cancelled(files?.Status, cancelledBy);
        var imageStatus = Cancelled(image?.Status, cancelledBy);
        var both = files is not null && image is not null;
        var outcome = new Outcome(StatusCode.Completed, "")
        {
            Files = files,
            Image = image,
            FilesStatus = filesStatus,
            ImageStatus = imageStatus,
            FilesLocation = files?.Status switch
            {
                StatusCode.Completed => files.LatestLocation,
                StatusCode.Skipped => export.FilesLocation,
                _ => null,
            },
        };

        if (filesStatus?.IsError() == true)
            return outcome.Failed(filesStatus.Value,
                Label(both, "Files", (filesStatus != files!.Status ? CancelMessage(filesStatus.Value, timeout) : null) ?? files.Message),
                files.ExceptionType, files.ExceptionDetails);
        if (imageStatus?.IsError() == true)
            return outcome.Failed(imageStatus.Value,
                Label(both, "Image", (imageStatus != image!.Status ? CancelMessage(imageStatus.Value, timeout) : null) ?? image.Message),
                image.ExceptionType, WithBuildOutput(image.ExceptionDetails, image.BuildOutput));
        if (filesStatus is null or StatusCode.Skipped && imageStatus is null or StatusCode.Skipped)
            return outcome with { Status = StatusCode.Skipped, Message = Summary(files, image) };
        return outcome with { Status = StatusCode.Completed, Message = Summary(files, image) };
    }

    /// <summary>The run's end as it is recorded, with the records no save has written yet.</summary>
    public RunEnding ToEnding(long runId, int exportId, long? generation, DateTimeOffset endedAt, RunCounters? counters,
        IReadOnlyList<PendingFile>? files = null, IReadOnlyList<PendingImage>? images = null, IReadOnlyList<PendingStage>? stages = null) =>
        new(runId, exportId, generation, Status, Message, endedAt, ExceptionType, ExceptionDetails,
            Files is { } f
                ? new FilesEnding(FilesStatus, f.CommitId, FilesLocation, f.Duration.TotalSeconds, f.NewState.LastCommitId, f.NewState.Fingerprint,
                    f.Status == StatusCode.Completed ? f.LatestLocation : null)
                : null,
            Image is { } i
                ? new ImageEnding(ImageStatus, i.Environment?.Id, i.Environment?.Revision, i.Environment?.Name,
                    (i.Durations.Pull ?? TimeSpan.Zero) + (i.Durations.Build ?? TimeSpan.Zero) + (i.Durations.Push ?? TimeSpan.Zero) is var total
                    && total > TimeSpan.Zero ? total.TotalSeconds : null,
                    i.NewState?.EnvironmentId, i.NewState?.Revision, i.NewState?.Fingerprint, i.Path,
                    i.Layers.Select(PendingLayer.From).ToList())
                : null,
            counters, files ?? [], images ?? [], stages ?? []);

    /// <summary>The same end for a dry run: a finished plan says what it found in the engine's words (what would move).</summary>
    public Outcome AsDryRun() => this with
    {
        DryRun = true,
        Message = Status == StatusCode.Completed && Files is { } files ? files.Message : Message,
    };

    private Outcome Failed(StatusCode code, string message, string? type, string? details) =>
        this with { Status = code, Message = message, ExceptionType = type, ExceptionDetails = details };

    private static StatusCode? Cancelled(StatusCode? status, StatusCode? cancelledBy) =>
        status == StatusCode.ExecutionCancelled && cancelledBy is { } cause ? cause : status;

    private static string? CancelMessage(StatusCode status, TimeSpan timeout) => status switch
    {
        StatusCode.ExecutionRunTimeout => string.Create(CultureInfo.InvariantCulture,
            $"The run took longer than the timeout ({timeout}) and was stopped; the next run picks up from here"),
        StatusCode.ExecutionNotComplete => "The portal stopped while the run was going; the next run picks up from here",
        _ => null,
    };

    private static string Label(bool both, string part, string message) => both ? $"{part}: {message}" : message;

    private static string? WithBuildOutput(string? details, IReadOnlyList<string> output) =>
        output.Count == 0 ? details : $"{details}\n\nLast lines of the build output:\n{string.Join('\n', output)}".Trim();

    private static string Summary(FileExportResult? files, ImageExportResult? image)
    {
        var parts = new List<string>();
        if (files is not null)
            parts.Add(files.Status == StatusCode.Skipped
                ? files.Message
                : string.Create(CultureInfo.InvariantCulture,
                    $"{files.Counts.FilesTotal} files at commit {Short(files.CommitId)}: {files.Counts.FilesTransferred} transferred, {files.Counts.FilesUnchanged} unchanged, {files.Counts.FilesDeleted} removed"));
        if (image is not null)
            parts.Add(image.Status == StatusCode.Skipped || image.Environment is null
                ? image.Message
                : $"image {image.Environment.DisplayName} pushed as {string.Join(", ", image.Images.Select(i => i.Reference))}");
        return string.Join("; ", parts);
    }

    private static string Short(string? commit) => commit is { Length: > 10 } ? commit[..10] : commit ?? "(none)";
}
