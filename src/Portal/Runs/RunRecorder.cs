using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>
/// Records a live run: stages at once, byte counts and file records in batches every
/// <c>Exports:ProgressInterval</c> (which is also the run's heartbeat), and notices a cancel
/// request made on any node. One per run; <see cref="For"/> gives each part its own progress.
/// </summary>
internal sealed class RunRecorder(IServiceScopeFactory scopes, TimeProvider time, long runId) : IAsyncDisposable
{
    private readonly ConcurrentQueue<RunFile> _files = new();
    private readonly ConcurrentQueue<RunImage> _images = new();
    private readonly CancellationTokenSource _cancelRequested = new();
    private long _filesDone, _filesFailed, _bytesDone, _imageBytesDone;
    private int _filesTotal;
    private long _bytesTotal, _imageBytesTotal;

    public long RunId => runId;

    /// <summary>Fires when someone asked (through the UI or API, on any node) to cancel the run.</summary>
    public CancellationToken CancelRequested => _cancelRequested.Token;

    public IExportProgress For(RunPart part) => new PartProgress(this, part);

    /// <summary>Saves what changed since the last flush and refreshes the heartbeat.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var files = Drain(_files);
        var images = Drain(_images);
        if (files.Count > 0 || images.Count > 0)
        {
            db.AddRange(files);
            db.AddRange(images);
            await db.SaveChangesAsync(cancellationToken);
        }
        var now = time.GetUtcNow();
        int filesTotal = _filesTotal, filesDone = (int)Interlocked.Read(ref _filesDone), filesFailed = (int)Interlocked.Read(ref _filesFailed);
        long bytesTotal = Interlocked.Read(ref _bytesTotal), bytesDone = Interlocked.Read(ref _bytesDone);
        long imageTotal = Interlocked.Read(ref _imageBytesTotal), imageDone = Interlocked.Read(ref _imageBytesDone);
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.HeartbeatAt, now)
            .SetProperty(r => r.FilesTotal, filesTotal)
            .SetProperty(r => r.FilesDone, filesDone)
            .SetProperty(r => r.FilesFailed, filesFailed)
            .SetProperty(r => r.BytesTotal, bytesTotal)
            .SetProperty(r => r.BytesDone, bytesDone)
            .SetProperty(r => r.ImageBytesTotal, imageTotal)
            .SetProperty(r => r.ImageBytesDone, imageDone), cancellationToken);
        if (!_cancelRequested.IsCancellationRequested
            && await db.Runs.AnyAsync(r => r.Id == runId && r.CancelRequested, cancellationToken))
        {
            await _cancelRequested.CancelAsync();
        }
    }

    /// <summary>Flushes every <paramref name="interval"/> until <paramref name="stop"/> fires; a failed flush is retried next tick.</summary>
    public async Task PumpAsync(TimeSpan interval, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                // A flush that has begun runs to its end: stopping mid-save would lose the records it already drained.
                try { await FlushAsync(CancellationToken.None); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    RunLog.ProgressNotSaved(logger, e, runId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task AddStageAsync(StatusCode stage, RunPart part)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.RunStages.Add(new RunStage { RunId = runId, Code = stage, At = time.GetUtcNow() });
        // A stage is worth saving even when the run is being cancelled: it tells how far the run got.
        await db.SaveChangesAsync(CancellationToken.None);
        // A part's status is its latest stage while it runs (the original's executions): the run page and the
        // v1 API show each part going, not only once it ended.
        if (stage > StatusCode.Running)
        {
            await (part == RunPart.Files
                ? db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FilesStatus, stage), CancellationToken.None)
                : db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ImageStatus, stage), CancellationToken.None));
        }
    }

    private static List<T> Drain<T>(ConcurrentQueue<T> queue)
    {
        var items = new List<T>();
        while (queue.TryDequeue(out var item)) items.Add(item);
        return items;
    }

    public ValueTask DisposeAsync()
    {
        _cancelRequested.Dispose();
        return ValueTask.CompletedTask;
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
            Interlocked.Increment(ref recorder._filesDone);
            if (file.Outcome == FileOutcome.Failed) Interlocked.Increment(ref recorder._filesFailed);
            return ValueTask.CompletedTask;
        }

        public ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken)
        {
            recorder._images.Enqueue(new RunImage { RunId = recorder.RunId, Reference = image.Reference, Digest = image.Digest, Size = image.Size });
            return ValueTask.CompletedTask;
        }

        private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
    }
}
