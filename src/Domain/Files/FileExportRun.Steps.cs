using System.Collections.Concurrent;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

internal sealed partial class FileExportRun
{
    private async Task<List<ManifestFile>> TransferAsync(DominoProject project, IReadOnlyList<FileStep> steps,
        IReadOnlyDictionary<string, S3Entry> latest, CancellationToken cancellationToken)
    {
        var entries = new ConcurrentBag<ManifestFile>();
        // Largest first, so one big file does not start last and run alone.
        var ordered = steps.OrderBy(s => s.Kind == FileStepKind.Keep ? 0 : 1).ThenByDescending(s => s.File.Size).ToList();
        await ForEachAsync(ordered, async (step, token) => entries.Add(await ApplyAsync(project, step, latest, token)), cancellationToken);
        return entries.ToList();
    }

    private async Task<ManifestFile> ApplyAsync(DominoProject project, FileStep step, IReadOnlyDictionary<string, S3Entry> latest,
        CancellationToken cancellationToken)
    {
        var f = step.File;
        var key = _layout.LatestKey(f.Path);
        try
        {
            switch (step.Kind)
            {
                case FileStepKind.Keep:
                    return await UnchangedAsync(f, step.Sha256!, step.ETag, attempts: 0, cancellationToken);
                case FileStepKind.Copy:
                    var copied = await store.CopyAsync(step.SourceKey!, key, f.Size, Metadata(f, step.Sha256), cancellationToken);
                    return await UnchangedAsync(f, step.Sha256!, copied, attempts: 1, cancellationToken);
                case FileStepKind.Probe when await ProbeAsync(f, key, cancellationToken) is { } sha256:
                    return await UnchangedAsync(f, sha256, latest[f.Path].ETag, attempts: 0, cancellationToken);
                default:
                    var (result, attempts) = await DownloadAsync(project, f, key, countAsTransfer: true, cancellationToken);
                    await progress.FileAsync(new FileRecord(f.Path, f.Size, result.Sha256, FileOutcome.Transferred, attempts), cancellationToken);
                    return new ManifestFile(f.Path, f.Size, result.Sha256, f.Key, result.ETag);
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

    private async Task<ManifestFile> UnchangedAsync(DominoFile f, string sha256, string? etag, int attempts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _unchanged);
        await progress.FileAsync(new FileRecord(f.Path, f.Size, sha256, FileOutcome.Unchanged, attempts), cancellationToken);
        return new ManifestFile(f.Path, f.Size, sha256, f.Key, etag);
    }

    /// <summary>
    /// Repair after a run that died: an object of the right size whose metadata names the same blob is
    /// kept (never one whose bytes changed since latest's manifest recorded them). Its hash comes from its metadata (written in the same request as its bytes), or (large uploads
    /// cannot carry it) from reading it back.
    /// </summary>
    private async Task<string?> ProbeAsync(DominoFile f, string key, CancellationToken cancellationToken)
    {
        if (_changed.Contains(f.Path)) return null;
        var metadata = await store.GetMetadataAsync(key, cancellationToken);
        if (metadata is null || !metadata.TryGetValue(BlobKeyMetadata, out var blobKey) || blobKey != f.Key) return null;
        if (metadata.TryGetValue(StreamingUploader.Sha256Metadata, out var sha256) && sha256.Length == 64) return sha256;
        var stored = await store.HashAsync(key, cancellationToken);
        return stored.Size == f.Size ? stored.Sha256 : null;
    }

    private async Task DeleteRemovedAsync(IReadOnlyList<string> paths, IReadOnlyDictionary<string, long> sizes, CancellationToken cancellationToken)
    {
        if (paths.Count == 0) return;
        await _lease.ConfirmAsync(cancellationToken);
        await store.DeleteAsync(paths.Select(_layout.LatestKey).ToList(), cancellationToken);
        foreach (var path in paths)
        {
            Interlocked.Increment(ref _deleted);
            await progress.FileAsync(new FileRecord(path, sizes.GetValueOrDefault(path), null, FileOutcome.Deleted, 0), cancellationToken);
        }
    }

    private static Dictionary<string, string> Metadata(DominoFile f, string? sha256)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [BlobKeyMetadata] = f.Key };
        if (sha256 is not null) metadata[StreamingUploader.Sha256Metadata] = sha256;
        return metadata;
    }
}
