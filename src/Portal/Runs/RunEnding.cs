using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>What the files part changes: on the run, and (when the run held the export) the state the next run starts from.</summary>
internal sealed record FilesEnding(StatusCode? Status, string? CommitId, string? Location, double Seconds,
    string? NextCommitId, string? NextFingerprint, string? ExportLocation);

/// <summary>What the image part changes; <see cref="Layers"/> is every blob of a registry copy (those saved live are not added twice).</summary>
internal sealed record ImageEnding(StatusCode? Status, string? EnvironmentId, int? Revision, string? EnvironmentName, double? Seconds,
    string? NextEnvironmentId, int? NextRevision, string? NextFingerprint, ImageExportPath? Path = null, IReadOnlyList<PendingLayer>? Layers = null);

/// <summary>One record not saved while the run went (the database was away), kept for its ending.</summary>
internal sealed record PendingFile(string Path, long Size, string? Sha256, FileOutcome Outcome, int Attempts, string? Error);

internal sealed record PendingImage(string Reference, string? Digest, long? Size);

internal sealed record PendingStage(StatusCode Code, DateTimeOffset At);

internal sealed record PendingLayer(string Digest, string? MediaType, long Size, LayerOutcome Outcome, int Attempts, double Seconds, string? Error)
{
    public static PendingLayer From(LayerRecord layer) => new(layer.Digest, layer.MediaType, layer.Size, layer.Outcome, layer.Attempts,
        layer.Duration.TotalSeconds, layer.Error is { Length: > 2000 } e ? e[..2000] : layer.Error);

    public RunLayer ToRecord(long runId) => new()
    {
        RunId = runId, Digest = Digest, MediaType = MediaType, Size = Size, Outcome = Outcome, Attempts = Attempts, Seconds = Seconds, Error = Error,
    };
}

/// <summary>
/// A run's end as it is recorded: plain values, so a node that cannot reach its database keeps it in its local journal
/// (<see cref="RunJournal"/>) and records it when the database returns. <see cref="Generation"/> is the claim the run held
/// (null: it never held the export, as a 101 refusal).
/// </summary>
internal sealed record RunEnding(
    long RunId,
    int ExportId,
    long? Generation,
    StatusCode Status,
    string Message,
    DateTimeOffset EndedAt,
    string? ExceptionType,
    string? ExceptionDetails,
    FilesEnding? Files,
    ImageEnding? Image,
    RunCounters? Counters,
    IReadOnlyList<PendingFile> PendingFiles,
    IReadOnlyList<PendingImage> PendingImages,
    IReadOnlyList<PendingStage> PendingStages)
{
    public bool HasFilesPart => Files is not null;

    public void ApplyTo(Run run)
    {
        run.Status = Status;
        run.Message = Message.Length <= 2000 ? Message : Message[..2000];
        run.EndedAt = EndedAt;
        run.ExceptionType = ExceptionType;
        run.ExceptionDetails = ExceptionDetails;
        if (Counters is { } c)
        {
            (run.FilesTotal, run.FilesDone, run.FilesFailed) = (c.FilesTotal, c.FilesDone, c.FilesFailed);
            (run.BytesTotal, run.BytesDone, run.ImageBytesTotal, run.ImageBytesDone) = (c.BytesTotal, c.BytesDone, c.ImageBytesTotal, c.ImageBytesDone);
        }
        if (Files is { } files)
        {
            run.FilesStatus = files.Status;
            run.CommitId = files.CommitId;
            run.FilesLocation = files.Location;
            run.FilesSeconds = files.Seconds;
        }
        if (Image is { } image)
        {
            run.ImageStatus = image.Status;
            run.EnvironmentId = image.EnvironmentId;
            run.EnvironmentRevision = image.Revision;
            run.EnvironmentName = image.EnvironmentName;
            run.ImageSeconds = image.Seconds;
            run.ImagePath = image.Path ?? run.ImagePath;
        }
        // A part that never reported its end (the run failed around it) ends with the run.
        if (run.FilesStatus?.IsRunning() == true) run.FilesStatus = run.Status;
        if (run.ImageStatus?.IsRunning() == true) run.ImageStatus = run.Status;
    }

    /// <summary>Keeps what the skip rules need for the next run.</summary>
    /// <summary>Where this run left the export's parts (<see cref="Export.RecordRun"/>).</summary>
    public ExportPosition Position() => new(
        Files is { } files ? new FilesPosition(files.NextCommitId, files.NextFingerprint, files.ExportLocation) : null,
        Image is { NextEnvironmentId: { } environmentId } image ? new ImagePosition(environmentId, image.NextRevision, image.NextFingerprint) : null);

    public IEnumerable<RunFile> RunFiles() => PendingFiles.Select(f => new RunFile
    {
        RunId = RunId, Path = f.Path, Size = f.Size, Sha256 = f.Sha256, Outcome = f.Outcome, Attempts = f.Attempts, Error = f.Error,
    });
}
