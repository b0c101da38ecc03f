using System.Collections.Concurrent;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Tests.Support;

/// <summary>
/// An export's progress written down for assertions: stages, totals, bytes, files, images and layers.
/// <paramref name="onFile"/> and <see cref="OnStage"/> let a test act at a given point (e.g. cancel).
/// </summary>
public sealed class RecordingProgress(Action<FileRecord>? onFile = null) : IExportProgress
{
    private long _transferred;

    public ConcurrentQueue<StatusCode> Stages { get; } = new();
    public ConcurrentQueue<FileRecord> Files { get; } = new();
    public ConcurrentQueue<ImageRecord> Images { get; } = new();
    public ConcurrentQueue<LayerRecord> Layers { get; } = new();
    public (int Items, long Bytes) LastTotals { get; private set; }
    public long TransferredBytes => Interlocked.Read(ref _transferred);
    public Action<StatusCode>? OnStage { get; init; }

    /// <summary>Called with the running byte count as bytes move (e.g. to cancel in the middle of a transfer).</summary>
    public Action<long>? OnBytes { get; init; }

    public ValueTask StageAsync(StatusCode stage, CancellationToken cancellationToken)
    {
        Stages.Enqueue(stage);
        OnStage?.Invoke(stage);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    public void Totals(int items, long bytes) => LastTotals = (items, bytes);

    public void Transferred(long bytes)
    {
        var total = Interlocked.Add(ref _transferred, bytes);
        OnBytes?.Invoke(total);
    }

    public ValueTask LayerAsync(LayerRecord layer, CancellationToken cancellationToken)
    {
        Layers.Enqueue(layer);
        return ValueTask.CompletedTask;
    }

    public ValueTask FileAsync(FileRecord file, CancellationToken cancellationToken)
    {
        Files.Enqueue(file);
        onFile?.Invoke(file);
        return ValueTask.CompletedTask;
    }

    public ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        Images.Enqueue(image);
        return ValueTask.CompletedTask;
    }

    public FileRecord File(string path) => Files.Single(f => f.Path == path);
}
