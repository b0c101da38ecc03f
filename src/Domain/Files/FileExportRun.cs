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
/// claim (<see cref="IRunLease"/>); every S3 write checks the lease (docs/decisions/010-run-fencing.md). A dry run
/// takes the same steps up to the plan and reports it instead of writing (docs/dry-runs.md).
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
        // Reading latest (S3) does not depend on Domino's answers: both go at once, so their round trips (and in a fresh
        // process their clients' first-call set-up) overlap. The read is always awaited before the run moves on or ends.
        // It starts on a pool thread: the S3 client's first request does much of its set-up (signing, endpoint rules)
        // before its first real wait, and Domino's lookups would otherwise start only after it.
        var reading = Task.Run(() => ReadLatestAsync(cancellationToken), CancellationToken.None);
        var (project, head) = await ResolveAsync(reading, cancellationToken);
        if (head is null)
        {
            await ObserveAsync(reading);
            return (StatusCode.Skipped, "The project has no commits yet: nothing to export");
        }
        CommitId = head.Id;
        var previous = request.Previous;
        var latest = await reading;
        if (!request.Force && previous?.LastCommitId == head.Id && previous.Fingerprint == Fingerprint)
        {
            // Skipped only while latest still is that commit, object for object: a changed object is exported again.
            if (latest.Manifest is { HasETags: true } exported && exported.CommitId == head.Id && Matches(exported, latest.Objects))
                return (StatusCode.Skipped, $"Commit {head.Id} is already exported and the export settings did not change");
            LogNotSkipped(logger, _layout.LatestUrl, head.Id);
        }

        // A run that will write probes the store for conditional writes and clears a dead run's unfinished uploads while
        // Domino lists the files: neither touches latest or prior, and each is a round trip to S3 the transfer need not
        // wait for. A dry run writes nothing, so it does neither.
        var preparing = request.DryRun ? null : PrepareStoreAsync(cancellationToken);
        SnapshotManifest? manifest;
        try
        {
            Files = await FilterAsync(await domino.ListFilesAsync(project.Id, head.Id, cancellationToken), cancellationToken);
            await progress.StageAsync(StatusCode.ProjectFileExportInitiated, cancellationToken);
            manifest = await TrustAsync(latest, cancellationToken);
        }
        catch
        {
            if (preparing is not null) await ObserveAsync(preparing);
            throw;
        }
        // The plan is made before anything is written (a rotation leaves latest's objects as they are), so a dry run
        // reports exactly what this run would do, and stops there.
        var rotates = manifest is not null && manifest.CommitId != head.Id;
        var sizes = latest.Objects.ToDictionary(o => o.Key, o => o.Value.Size, StringComparer.Ordinal);
        var plan = FilePlan.Create(Files, manifest, rotates, sizes, _layout);
        if (preparing is null) return await DryRunAsync(head.Id, plan, latest.Objects, rotates, cancellationToken);

        var conditional = await preparing;
        if (rotates)
        {
            var started = time.GetTimestamp();
            await RotateAsync(project, manifest!, conditional, cancellationToken);
            RotationDuration = time.GetElapsedTime(started);
        }

        // From here on latest changes, so it stops claiming to be complete first.
        TouchedLatest = true;
        if (latest.Document is { } document) await DeleteManifestAsync(document, conditional, cancellationToken);

        progress.Totals(Files.Count, plan.Steps.Where(s => s.Kind is FileStepKind.Download or FileStepKind.Probe).Sum(s => s.File.Size));
        await progress.StageAsync(StatusCode.ProjectFileTansferToS3Started, cancellationToken);
        var transferStarted = time.GetTimestamp();
        var entries = await TransferAsync(project, plan.Steps, latest.Objects, cancellationToken);
        await DeleteRemovedAsync(plan.DeletedPaths, sizes, cancellationToken);
        await VerifyAsync(entries, cancellationToken);
        await WriteManifestAsync(entries, head.Id, conditional, cancellationToken);
        TransferDuration = time.GetElapsedTime(transferStarted);
        await progress.StageAsync(StatusCode.ProjectFileTansferToS3Ended, cancellationToken);
        return (StatusCode.Completed, $"Exported commit {head.Id}: {Files.Count} files, {_transferred} transferred, "
                                      + $"{_unchanged} unchanged, {_deleted} deleted");
    }

    /// <summary>
    /// After confirming the claim: whether the store honours conditional writes, and a dead run's unfinished uploads
    /// under the export's prefix aborted (their parts cost storage), both at once.
    /// </summary>
    private async Task<bool> PrepareStoreAsync(CancellationToken cancellationToken)
    {
        await _lease.ConfirmAsync(cancellationToken);
        var aborting = store.AbortUploadsAsync(_layout.BasePrefix, cancellationToken);
        bool conditional;
        try
        {
            conditional = await SupportsConditionalWritesAsync(cancellationToken);
        }
        catch
        {
            await ObserveAsync(aborting);
            throw;
        }
        if (await aborting is > 0 and var aborted) LogAbortedUploads(logger, aborted, _layout.BaseUrl);
        return conditional;
    }

    private async Task<(DominoProject Project, DominoCommit? Head)> ResolveAsync(Task reading, CancellationToken cancellationToken)
    {
        try
        {
            var project = await domino.FindProjectAsync(request.OwnerName, request.ProjectName, cancellationToken);
            if (!project.CanExport)
                throw new ExportException(StatusCode.APIUnauthorized, StatusCode.APIUnauthorized.Describe(),
                    $"The key may see {request.OwnerName}/{request.ProjectName} but lacks {DominoProject.ChangeProjectSettings}");
            var head = request.CommitId is { } pinned
                ? await domino.FindCommitAsync(project.Id, pinned, cancellationToken)
                  ?? throw new ExportException(StatusCode.DominoAPIError, $"Commit {pinned} is no longer in {request.OwnerName}/{request.ProjectName}: run the export instead")
                : await domino.GetHeadCommitAsync(project.Id, cancellationToken);
            return (project, head);
        }
        catch
        {
            await ObserveAsync(reading);
            throw;
        }
    }

    /// <summary>Waits for a read whose result is no longer needed; Domino's answer (or failure) is what the run reports.</summary>
    private static async Task ObserveAsync(Task reading)
    {
        try { await reading; }
        catch (Exception) { /* not needed */ }
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
