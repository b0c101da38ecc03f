using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Contracts.Runs;

namespace Portal.Domain.Files;

/// <summary>
/// One run, step by step: resolve the project once, apply the skip rule, rotate a complete latest
/// snapshot to prior, mark latest incomplete, bring it to the head commit, verify, and mark it complete.
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
    private readonly ConcurrentQueue<FileRecord> _failed = new();
    private int _transferred, _unchanged, _deleted;
    private long _bytesTransferred;

    public string Fingerprint { get; } = FileExportState.FingerprintOf(request.Target, request.ExportGroupName, request.ExportProjectName);
    public string? CommitId { get; private set; }

    /// <summary>True once latest's manifest is gone: a failure from then on leaves latest to be repaired.</summary>
    public bool TouchedLatest { get; private set; }

    public TimeSpan RotationDuration { get; private set; }
    public TimeSpan TransferDuration { get; private set; }
    public IReadOnlyList<FileRecord> FailedFiles => _failed.ToList();

    public FileExportCounts Counts => new(
        Files?.Count ?? 0, _transferred, _unchanged, _deleted, _failed.Count, Files?.Sum(f => f.Size) ?? 0, _bytesTransferred);

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
        var head = await domino.GetHeadCommitAsync(project.Id, cancellationToken);
        if (head is null)
            return (StatusCode.Skipped, "The project has no commits yet: nothing to export");
        CommitId = head.Id;
        var previous = request.Previous;
        if (!request.Force && previous?.LastCommitId == head.Id && previous.Fingerprint == Fingerprint)
            return (StatusCode.Skipped, $"Commit {head.Id} is already exported and the export settings did not change");

        Files = await domino.ListFilesAsync(project.Id, head.Id, cancellationToken);
        await progress.StageAsync(StatusCode.ProjectFileExportInitiated, cancellationToken);

        var manifestText = await store.GetTextAsync(_layout.LatestManifest, cancellationToken);
        var latest = (await store.ListAsync(_layout.LatestPrefix, cancellationToken))
            .ToDictionary(e => e.Key[_layout.LatestPrefix.Length..], e => e.Size, StringComparer.Ordinal);
        var manifest = SnapshotManifest.TryParse(manifestText);
        if (manifest is not null && !IsIntact(manifest, latest))
        {
            LogManifestNotIntact(logger, _layout.LatestUrl);
            manifest = null;
        }

        var rotated = false;
        if (manifest is not null && manifest.CommitId != head.Id)
        {
            var started = time.GetTimestamp();
            await RotateAsync(project, manifest, manifestText!, cancellationToken);
            RotationDuration = time.GetElapsedTime(started);
            rotated = true;
        }

        // From here on latest changes, so it stops claiming to be complete first.
        TouchedLatest = true;
        if (manifestText is not null) await store.DeleteAsync([_layout.LatestManifest], cancellationToken);
        if (await store.AbortUploadsAsync(_layout.BasePrefix, cancellationToken) is > 0 and var aborted)
            LogAbortedUploads(logger, aborted, _layout.BaseUrl);

        var plan = FilePlan.Create(Files, manifest, rotated, latest, _layout);
        progress.Totals(Files.Count, plan.Steps.Where(s => s.Kind is FileStepKind.Download or FileStepKind.Probe).Sum(s => s.File.Size));
        await progress.StageAsync(StatusCode.ProjectFileTansferToS3Started, cancellationToken);
        var transferStarted = time.GetTimestamp();
        var entries = await TransferAsync(project, plan.Steps, cancellationToken);
        await DeleteRemovedAsync(plan.DeletedPaths, cancellationToken);
        await VerifyAsync(entries, cancellationToken);

        var written = new SnapshotManifest(SnapshotManifest.CurrentFormat, head.Id, request.RunId, time.GetUtcNow(),
            $"{request.OwnerName}/{request.ProjectName}", request.Target.StorageClass, entries.Count, entries.Sum(e => e.Size),
            entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList());
        await store.PutAsync(_layout.LatestManifest, Encoding.UTF8.GetBytes(written.ToJson()), null, "application/json",
            cancellationToken, S3StorageClasses.Standard);
        TransferDuration = time.GetElapsedTime(transferStarted);
        await progress.StageAsync(StatusCode.ProjectFileTansferToS3Ended, cancellationToken);
        return (StatusCode.Completed, $"Exported commit {head.Id}: {Files.Count} files, {_transferred} transferred, "
                                      + $"{_unchanged} unchanged, {_deleted} deleted");
    }

    /// <summary>A manifest is trusted only if every file it lists is in latest with its size.</summary>
    private static bool IsIntact(SnapshotManifest manifest, IReadOnlyDictionary<string, long> latest) =>
        manifest.Files.All(f => latest.TryGetValue(f.Path, out var size) && size == f.Size);

    /// <summary>
    /// prior := latest, server-side. prior's manifest goes first and comes back last, so a rotation
    /// that dies half-way leaves a prior that says it is incomplete, and latest untouched.
    /// </summary>
    private async Task RotateAsync(DominoProject project, SnapshotManifest manifest, string manifestText, CancellationToken cancellationToken)
    {
        await progress.StageAsync(StatusCode.ProjectFileDeletePriorStarted, cancellationToken);
        await store.DeleteAsync([_layout.PriorManifest], cancellationToken);
        await store.DeletePrefixAsync(_layout.PriorPrefix, cancellationToken);
        await progress.StageAsync(StatusCode.ProjectFileDeletePriorEnded, cancellationToken);

        await progress.StageAsync(StatusCode.ProjectFileMoveLatestToPriorStarted, cancellationToken);
        var archive = S3StorageClasses.IsArchive(manifest.StorageClass) || S3StorageClasses.IsArchive(request.Target.StorageClass);
        await ForEachAsync(manifest.Files, async (file, token) =>
        {
            if (archive)
                await DownloadAsync(project, new DominoFile(file.Path, file.Key, file.Size), _layout.PriorKey(file.Path), countAsTransfer: false, token);
            else
                await store.CopyAsync(_layout.LatestKey(file.Path), _layout.PriorKey(file.Path), file.Size, null, token);
        }, cancellationToken);
        await store.PutAsync(_layout.PriorManifest, Encoding.UTF8.GetBytes(manifestText), null, "application/json", cancellationToken,
            S3StorageClasses.Standard);
        await progress.StageAsync(StatusCode.ProjectFileMoveLatestToPriorEnded, cancellationToken);
    }

    private async Task<List<ManifestFile>> TransferAsync(DominoProject project, IReadOnlyList<FileStep> steps, CancellationToken cancellationToken)
    {
        var entries = new ConcurrentBag<ManifestFile>();
        // Largest first, so one big file does not start last and run alone.
        var ordered = steps.OrderBy(s => s.Kind == FileStepKind.Keep ? 0 : 1).ThenByDescending(s => s.File.Size).ToList();
        await ForEachAsync(ordered, async (step, token) => entries.Add(await ApplyAsync(project, step, token)), cancellationToken);
        return entries.ToList();
    }

    private async Task<ManifestFile> ApplyAsync(DominoProject project, FileStep step, CancellationToken cancellationToken)
    {
        var f = step.File;
        var key = _layout.LatestKey(f.Path);
        try
        {
            switch (step.Kind)
            {
                case FileStepKind.Keep:
                    return await UnchangedAsync(f, step.Sha256!, attempts: 0, cancellationToken);
                case FileStepKind.Copy:
                    await store.CopyAsync(step.SourceKey!, key, f.Size, Metadata(f, step.Sha256), cancellationToken);
                    return await UnchangedAsync(f, step.Sha256!, attempts: 1, cancellationToken);
                case FileStepKind.Probe when await ProbeAsync(f, key, cancellationToken) is { } sha256:
                    return await UnchangedAsync(f, sha256, attempts: 0, cancellationToken);
                default:
                    var (result, attempts) = await DownloadAsync(project, f, key, countAsTransfer: true, cancellationToken);
                    await progress.FileAsync(new FileRecord(f.Path, f.Size, result.Sha256, FileOutcome.Transferred, attempts), cancellationToken);
                    return new ManifestFile(f.Path, f.Size, result.Sha256, f.Key);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var attempts = e is FileTransferException t ? t.Attempts : 1;
            var record = new FileRecord(f.Path, f.Size, null, FileOutcome.Failed, attempts, e.Message);
            _failed.Enqueue(record);
            await progress.FileAsync(record, CancellationToken.None);
            throw;
        }
    }

    private async Task<ManifestFile> UnchangedAsync(DominoFile f, string sha256, int attempts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _unchanged);
        await progress.FileAsync(new FileRecord(f.Path, f.Size, sha256, FileOutcome.Unchanged, attempts), cancellationToken);
        return new ManifestFile(f.Path, f.Size, sha256, f.Key);
    }

    /// <summary>
    /// Repair after a run that died: an object of the right size whose metadata names the same blob is
    /// kept. Its hash comes from its metadata, or (large uploads cannot carry it) from reading it back.
    /// </summary>
    private async Task<string?> ProbeAsync(DominoFile f, string key, CancellationToken cancellationToken)
    {
        var metadata = await store.GetMetadataAsync(key, cancellationToken);
        if (metadata is null || !metadata.TryGetValue(BlobKeyMetadata, out var blobKey) || blobKey != f.Key) return null;
        if (metadata.TryGetValue(StreamingUploader.Sha256Metadata, out var sha256) && sha256.Length == 64) return sha256;
        var stored = await store.HashAsync(key, cancellationToken);
        return stored.Size == f.Size ? stored.Sha256 : null;
    }

    private async Task DeleteRemovedAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (paths.Count == 0) return;
        await store.DeleteAsync(paths.Select(_layout.LatestKey).ToList(), cancellationToken);
        foreach (var path in paths)
        {
            Interlocked.Increment(ref _deleted);
            await progress.FileAsync(new FileRecord(path, 0, null, FileOutcome.Deleted, 0), cancellationToken);
        }
    }

    /// <summary>One listing of latest/ checks every stored size (cheaper than a HEAD per file).</summary>
    private async Task VerifyAsync(IReadOnlyList<ManifestFile> entries, CancellationToken cancellationToken)
    {
        var stored = (await store.ListAsync(_layout.LatestPrefix, cancellationToken))
            .ToDictionary(e => e.Key[_layout.LatestPrefix.Length..], e => e.Size, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!stored.TryGetValue(entry.Path, out var size))
                throw new ExportException(StatusCode.S3VerificationFailed, $"'{entry.Path}' is missing from S3 after it was written");
            if (size != entry.Size)
                throw new ExportException(StatusCode.S3VerificationFailed,
                    $"'{entry.Path}' has {size} bytes in S3 where Domino has {entry.Size}");
        }
        if (stored.Count != entries.Count)
            throw new ExportException(StatusCode.S3VerificationFailed,
                $"latest holds {stored.Count} objects where the commit has {entries.Count} files; was it written to by someone else?");
    }

    private static Dictionary<string, string> Metadata(DominoFile f, string? sha256)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [BlobKeyMetadata] = f.Key };
        if (sha256 is not null) metadata[StreamingUploader.Sha256Metadata] = sha256;
        return metadata;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The manifest of {Latest} lists files that are not there; latest is repaired without rotating it")]
    private static partial void LogManifestNotIntact(ILogger logger, string latest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Aborted {Count} unfinished multipart uploads under {Base}")]
    private static partial void LogAbortedUploads(ILogger logger, int count, string @base);
}
