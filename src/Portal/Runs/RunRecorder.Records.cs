using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>The counters of a run as its recorder holds them.</summary>
internal sealed record RunCounters(int FilesTotal, int FilesDone, int FilesFailed, long BytesTotal, long BytesDone,
    long ImageBytesTotal, long ImageBytesDone);

internal sealed partial class RunRecorder
{
    /// <summary>
    /// Writes the queued records (the claim was just renewed). A failed save keeps them for the next; since a save
    /// whose commit answer was lost may have gone through, the next one first leaves out the paths already there.
    /// </summary>
    private async Task SaveRecordsAsync(CancellationToken cancellationToken)
    {
        _unsavedFiles.AddRange(Drain(_files));
        _unsavedImages.AddRange(Drain(_images));
        _unsavedStages.AddRange(Drain(_stages));
        _unsavedLayers.AddRange(Drain(_layers));
        if (_unsavedFiles.Count == 0 && _unsavedImages.Count == 0 && _unsavedStages.Count == 0 && _unsavedLayers.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (_uncertain) await LeaveOutSavedAsync(db, cancellationToken);
            db.AddRange(_unsavedFiles.Select(Fresh));
            db.AddRange(_unsavedImages.Select(i => new RunImage { RunId = i.RunId, Reference = i.Reference, Digest = i.Digest, Size = i.Size }));
            db.AddRange(_unsavedStages.Select(st => new RunStage { RunId = st.RunId, Code = st.Code, At = st.At }));
            db.AddRange(_unsavedLayers.Select(l => new RunLayer
            {
                RunId = l.RunId, Digest = l.Digest, MediaType = l.MediaType, Size = l.Size, Outcome = l.Outcome, Attempts = l.Attempts,
                Seconds = l.Seconds, Error = l.Error,
            }));
            _uncertain = true;
            await db.SaveChangesAsync(cancellationToken);
            _uncertain = false;
            writes.Succeeded("file records");
            _unsavedFiles.Clear();
            _unsavedImages.Clear();
            _unsavedStages.Clear();
            _unsavedLayers.Clear();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            writes.Failed("file records", e);
            throw;
        }
    }

    private async Task LeaveOutSavedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var paths = _unsavedFiles.Select(f => f.Path).ToList();
        var saved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in paths.Chunk(500))
            saved.UnionWith(await db.RunFiles.Where(f => f.RunId == claim.RunId && batch.Contains(f.Path)).Select(f => f.Path)
                .ToListAsync(cancellationToken));
        _unsavedFiles.RemoveAll(f => saved.Contains(f.Path));
        var stages = await db.RunStages.Where(st => st.RunId == claim.RunId).Select(st => new { st.Code, st.At }).ToListAsync(cancellationToken);
        _unsavedStages.RemoveAll(st => stages.Any(x => x.Code == st.Code && x.At == st.At));
        if (_unsavedLayers.Count > 0)
        {
            var digests = await db.RunLayers.Where(l => l.RunId == claim.RunId).Select(l => l.Digest).ToListAsync(cancellationToken);
            _unsavedLayers.RemoveAll(l => digests.Contains(l.Digest));
        }
        if (_unsavedImages.Count > 0)
        {
            var refs = await db.RunImages.Where(i => i.RunId == claim.RunId).Select(i => i.Reference).ToListAsync(cancellationToken);
            _unsavedImages.RemoveAll(i => refs.Contains(i.Reference));
        }
    }

    private static RunFile Fresh(RunFile f) => new()
    {
        RunId = f.RunId, Path = f.Path, Size = f.Size, Sha256 = f.Sha256, Outcome = f.Outcome, Attempts = f.Attempts, Error = f.Error,
    };

    /// <summary>A stage is saved at once (and the part's status follows it); if the database fails, with the next save.</summary>
    private async Task AddStageAsync(StatusCode stage, RunPart part)
    {
        // Whole microseconds, as every database keeps them, so a save retried after an unsure one finds what it wrote.
        var at = time.GetUtcNow();
        _stages.Enqueue(new RunStage { RunId = claim.RunId, Code = stage, At = at.AddTicks(-(at.Ticks % 10)) });
        if (stage > StatusCode.Running)
        {
            if (part == RunPart.Files) _filesStage = stage;
            else _imageStage = stage;
        }
        // A stage is worth saving even when the run is being cancelled: it tells how far the run got.
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // kept for the next save
        }
    }

    private static List<T> Drain<T>(ConcurrentQueue<T> queue)
    {
        var items = new List<T>();
        while (queue.TryDequeue(out var item)) items.Add(item);
        return items;
    }

    private sealed class PartProgress(RunRecorder recorder, RunPart part) : IExportProgress
    {
        public async ValueTask StageAsync(StatusCode stage, CancellationToken cancellationToken) =>
            await recorder.AddStageAsync(stage, part);

        public void Totals(int items, long bytes)
        {
            if (part == RunPart.Files)
            {
                Volatile.Write(ref recorder._filesTotal, items);
                Interlocked.Exchange(ref recorder._bytesTotal, bytes);
            }
            else
            {
                Interlocked.Exchange(ref recorder._imageBytesTotal, bytes);
            }
        }

        public void Transferred(long bytes)
        {
            if (part == RunPart.Files) Interlocked.Add(ref recorder._bytesDone, bytes);
            else Interlocked.Add(ref recorder._imageBytesDone, bytes);
        }

        public ValueTask FileAsync(FileRecord file, CancellationToken cancellationToken)
        {
            recorder._files.Enqueue(new RunFile
            {
                RunId = recorder.RunId,
                Path = file.Path,
                Size = file.Size,
                Sha256 = file.Sha256,
                Outcome = file.Outcome,
                Attempts = file.Attempts,
                Error = Truncate(file.Error, 2000),
            });
            // "N of total": only the files the total counts (a removed, excluded or extra one is recorded, not counted).
            if (file.Outcome is not (FileOutcome.Deleted or FileOutcome.Excluded or FileOutcome.Extra))
                Interlocked.Increment(ref recorder._filesDone);
            if (file.Outcome is FileOutcome.Failed or FileOutcome.Missing or FileOutcome.Changed or FileOutcome.Extra)
                Interlocked.Increment(ref recorder._filesFailed);
            return ValueTask.CompletedTask;
        }

        public ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken)
        {
            recorder._images.Enqueue(new RunImage { RunId = recorder.RunId, Reference = image.Reference, Digest = image.Digest, Size = image.Size });
            return ValueTask.CompletedTask;
        }

        public ValueTask LayerAsync(LayerRecord layer, CancellationToken cancellationToken)
        {
            recorder._layers.Enqueue(PendingLayer.From(layer).ToRecord(recorder.RunId));
            return ValueTask.CompletedTask;
        }

        private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
    }
}
