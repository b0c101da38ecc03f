using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;
using Portal.Health;

namespace Portal.Runs;

/// <summary>
/// Records a live run: stages at once, byte counts and file records in batches every
/// <c>Exports:ProgressInterval</c>, and notices a cancel request made on any node. Every save renews the run's claim
/// (<see cref="RunClaim"/>) in the same conditional statement; a save that finds the claim lost writes nothing and the
/// run stops. Records a failed save could not write stay queued for the next one, and for the run's ending.
/// One per run; <see cref="For"/> gives each part its own progress.
/// </summary>
internal sealed partial class RunRecorder(IServiceScopeFactory scopes, TimeProvider time, RunClaim claim, DatabaseWrites writes)
    : IAsyncDisposable
{
    private readonly ConcurrentQueue<RunFile> _files = new();
    private readonly ConcurrentQueue<RunImage> _images = new();
    private readonly ConcurrentQueue<RunLayer> _layers = new();
    private readonly ConcurrentQueue<RunStage> _stages = new();
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly CancellationTokenSource _cancelRequested = new();
    private List<RunFile> _unsavedFiles = [];
    private List<RunImage> _unsavedImages = [];
    private List<RunLayer> _unsavedLayers = [];
    private List<RunStage> _unsavedStages = [];
    private bool _uncertain;
    private long _filesDone, _filesFailed, _bytesDone, _imageBytesDone;
    private int _filesTotal;
    private long _bytesTotal, _imageBytesTotal;
    private StatusCode? _filesStage, _imageStage;

    public long RunId => claim.RunId;

    /// <summary>Fires when someone asked (through the UI or API, on any node) to cancel the run.</summary>
    public CancellationToken CancelRequested => _cancelRequested.Token;

    public IExportProgress For(RunPart part) => new PartProgress(this, part);

    /// <summary>The counters as they stand, for the run's ending.</summary>
    public RunCounters Counters => new(_filesTotal, (int)Interlocked.Read(ref _filesDone), (int)Interlocked.Read(ref _filesFailed),
        Interlocked.Read(ref _bytesTotal), Interlocked.Read(ref _bytesDone), Interlocked.Read(ref _imageBytesTotal),
        Interlocked.Read(ref _imageBytesDone));

    /// <summary>Saves what changed since the last save and renews the claim; false when the claim is lost.</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _saving.WaitAsync(cancellationToken);
        try
        {
            var c = Counters;
            StatusCode? filesStage = _filesStage, imageStage = _imageStage;
            var held = await claim.RenewAsync(s =>
            {
                s.SetProperty(r => r.FilesTotal, c.FilesTotal)
                    .SetProperty(r => r.FilesDone, c.FilesDone)
                    .SetProperty(r => r.FilesFailed, c.FilesFailed)
                    .SetProperty(r => r.BytesTotal, c.BytesTotal)
                    .SetProperty(r => r.BytesDone, c.BytesDone)
                    .SetProperty(r => r.ImageBytesTotal, c.ImageBytesTotal)
                    .SetProperty(r => r.ImageBytesDone, c.ImageBytesDone);
                // A part's status is its latest stage while it runs, so the run page and the v1 API show each part going.
                if (filesStage is { } f) s.SetProperty(r => r.FilesStatus, f);
                if (imageStage is { } i) s.SetProperty(r => r.ImageStatus, i);
            }, cancellationToken);
            if (!held) return false;
            await SaveRecordsAsync(cancellationToken);
            if (!_cancelRequested.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                if (await db.Runs.AnyAsync(r => r.Id == claim.RunId && r.CancelRequested, cancellationToken))
                    await _cancelRequested.CancelAsync();
            }
            return true;
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>Flushes every <paramref name="interval"/> until <paramref name="stop"/> fires or the claim is lost; a failed flush is retried next tick.</summary>
    public async Task PumpAsync(TimeSpan interval, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                // A flush that has begun runs to its end: stopping mid-save could leave it unsure what it saved.
                try
                {
                    if (!await FlushAsync(CancellationToken.None)) return; // the claim is lost: the run stops (and says so once it ended)
                }
                catch (Exception e)
                {
                    RunLog.ProgressNotSaved(logger, e, claim.RunId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>What no save has written yet (the run's ending carries it): file records, images, stages.</summary>
    public (List<RunFile> Files, List<RunImage> Images, List<RunStage> Stages) TakeUnsaved()
    {
        _unsavedFiles.AddRange(Drain(_files));
        _unsavedImages.AddRange(Drain(_images));
        _unsavedStages.AddRange(Drain(_stages));
        var taken = (_unsavedFiles, _unsavedImages, _unsavedStages);
        // Layers need no carrying: the image result holds every one, and the ending adds those not saved.
        (_unsavedFiles, _unsavedImages, _unsavedStages, _unsavedLayers) = ([], [], [], []);
        Drain(_layers);
        return taken;
    }

    public ValueTask DisposeAsync()
    {
        _cancelRequested.Dispose();
        _saving.Dispose();
        return ValueTask.CompletedTask;
    }
}
