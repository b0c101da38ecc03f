using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Contracts.Runs;

namespace Portal.Domain.Files;

/// <summary>
/// One run, step by step: resolve the project once, apply the skip rule (checked against latest's manifest and
/// its objects' ETags), rotate a complete latest snapshot to prior, mark latest incomplete, bring it to the head
/// commit, verify, and mark it complete. Before each step that could harm another run's snapshot it confirms its
/// claim (<see cref="IRunLease"/>); every S3 write checks the lease (docs/decisions/010-run-fencing.md).
/// </summary>
internal sealed partial class FileExportRun(
    FileExportRequest request,
    DominoClient domino,
    S3Store store,
    StreamingUploader uploader,
    FileExportOptions options,
    IExportProgress progress,
    ILogger logger,
    TimeProvider time)
{
    internal const string BlobKeyMetadata = "domino-blob-key";

    private readonly ExportLayout _layout = request.Layout;
    private readonly IRunLease _lease = request.Fence;
    private readonly ConcurrentQueue<FileRecord> _failed = new();
    // Objects whose bytes differ from what latest's manifest recorded: never kept on their metadata's word.
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private int _transferred, _unchanged, _deleted, _excluded;
    private long _bytesTransferred;

    public string Fingerprint { get; } =
        FileExportState.FingerprintOf(request.Target, request.ExportGroupName, request.ExportProjectName, request.Filter);
    public string? CommitId { get; private set; }

    /// <summary>True once latest's manifest is gone: a failure from then on leaves latest to be repaired.</summary>
    public bool TouchedLatest { get; private set; }

    public TimeSpan RotationDuration { get; private set; }
    public TimeSpan TransferDuration { get; private set; }
    public IReadOnlyList<FileRecord> FailedFiles => _failed.ToList();

    public FileExportCounts Counts => new(
        Files?.Count ?? 0, _transferred, _unchanged, _deleted, _failed.Count, Files?.Sum(f => f.Size) ?? 0, _bytesTransferred, _excluded);

    public IReadOnlyList<DominoFile>? Files { get; private set; }

    /// <summary>
    /// Runs the export and returns Completed or Skipped with a message; failures throw (the exporter
    /// turns them into results). Progress totals are the commit's file count and the bytes that may
    /// have to be downloaded.
    /// </summary>
    public async Task<(StatusCode Status, string Message)> RunAsync(CancellationToken cancellationToken)
    {
        var project = await domino.FindProjectAsync(request.OwnerName, request.ProjectName, cancellationToken);
        if (!project.CanExport)
            throw new ExportException(StatusCode.APIUnauthorized, StatusCode.APIUnauthorized.Describe(),
                $"The key may see {request.OwnerName}/{request.ProjectName} but lacks {DominoProject.ChangeProjectSettings}");
        var head = request.CommitId is { } pinned
            ? await domino.FindCommitAsync(project.Id, pinned, cancellationToken)
              ?? throw new ExportException(StatusCode.DominoAPIError, $"Commit {pinned} is no longer in {request.OwnerName}/{request.ProjectName}: run the export instead")
            : await domino.GetHeadCommitAsync(project.Id, cancellationToken);
        if (head is null)
            return (StatusCode.Skipped, "The project has no commits yet: nothing to export");
        CommitId = head.Id;
        var previous = request.Previous;
        var latest = await ReadLatestAsync(cancellationToken);
        if (!request.Force && previous?.LastCommitId == head.Id && previous.Fingerprint == Fingerprint)
        {
            // Skipped only while latest still is that commit, object for object: a changed object is exported again.
            if (latest.Manifest is { HasETags: true } exported && exported.CommitId == head.Id && Matches(exported, latest.Objects))
                return (StatusCode.Skipped, $"Commit {head.Id} is already exported and the export settings did not change");
            LogNotSkipped(logger, _layout.LatestUrl, head.Id);
        }

        Files = await FilterAsync(await domino.ListFilesAsync(project.Id, head.Id, cancellationToken), cancellationToken);
        await progress.StageAsync(StatusCode.ProjectFileExportInitiated, cancellationToken);
        await _lease.ConfirmAsync(cancellationToken);
        var conditional = await SupportsConditionalWritesAsync(cancellationToken);
        var manifest = await TrustAsync(latest, cancellationToken);

        var rotated = false;
        if (manifest is not null && manifest.CommitId != head.Id)
        {
            var started = time.GetTimestamp();
            await RotateAsync(project, manifest, conditional, cancellationToken);
            RotationDuration = time.GetElapsedTime(started);
            rotated = true;
        }

        // From here on latest changes, so it stops claiming to be complete first.
        TouchedLatest = true;
        if (latest.Document is { } document) await DeleteManifestAsync(document, conditional, cancellationToken);
        if (await store.AbortUploadsAsync(_layout.BasePrefix, cancellationToken) is > 0 and var aborted)
            LogAbortedUploads(logger, aborted, _layout.BaseUrl);

        var sizes = latest.Objects.ToDictionary(o => o.Key, o => o.Value.Size, StringComparer.Ordinal);
        var plan = FilePlan.Create(Files, manifest, rotated, sizes, _layout);
        progress.Totals(Files.Count, plan.Steps.Where(s => s.Kind is FileStepKind.Download or FileStepKind.Probe).Sum(s => s.File.Size));
        await progress.StageAsync(StatusCode.ProjectFileTansferToS3Started, cancellationToken);
        var transferStarted = time.GetTimestamp();
        var entries = await TransferAsync(project, plan.Steps, latest.Objects, cancellationToken);
        await DeleteRemovedAsync(plan.DeletedPaths, cancellationToken);
        await VerifyAsync(entries, cancellationToken);
        await WriteManifestAsync(entries, head.Id, conditional, cancellationToken);
        TransferDuration = time.GetElapsedTime(transferStarted);
        await progress.StageAsync(StatusCode.ProjectFileTansferToS3Ended, cancellationToken);
        return (StatusCode.Completed, $"Exported commit {head.Id}: {Files.Count} files, {_transferred} transferred, "
                                      + $"{_unchanged} unchanged, {_deleted} deleted");
    }

    /// <summary>The commit's files the export's filters keep; each one left out is recorded with the rule that left it out.</summary>
    private async Task<IReadOnlyList<DominoFile>> FilterAsync(IReadOnlyList<DominoFile> files, CancellationToken cancellationToken)
    {
        if (request.Filters.IsEmpty) return files;
        var kept = new List<DominoFile>(files.Count);
        foreach (var f in files)
        {
            if (request.Filters.ExcludedBy(f) is not { } rule)
            {
                kept.Add(f);
                continue;
            }
            _excluded++;
            await progress.FileAsync(new FileRecord(f.Path, f.Size, null, FileOutcome.Excluded, 0, $"Excluded: {rule}"), cancellationToken);
        }
        return kept;
    }

    /// <summary>Runs work over items, a few at a time; the first failure stops the others.</summary>
    private async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? first = null;
        try
        {
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelTransfers, CancellationToken = stop.Token },
                async (item, token) =>
                {
                    try
                    {
                        await body(item, token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                    {
                        Interlocked.CompareExchange(ref first, e, null);
                        await stop.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (first is not null && !cancellationToken.IsCancellationRequested)
        {
            // stopped because of the failure below
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Aborted {Count} unfinished multipart uploads under {Base}")]
    private static partial void LogAbortedUploads(ILogger logger, int count, string @base);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Latest} no longer matches its manifest of commit {Commit} (an object changed, went missing or the manifest is gone): exporting again")]
    private static partial void LogNotSkipped(ILogger logger, string latest, string commit);
}
