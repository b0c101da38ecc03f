using Portal.Contracts.Runs;

namespace Portal.Domain.Runs;

/// <summary>
/// How an export tells its caller what it is doing. The portal records it (stages, file records,
/// live byte counts); tests record it in memory. <see cref="Transferred"/> is called often and from
/// several threads at once, so implementations keep it cheap and thread-safe.
/// </summary>
public interface IExportProgress
{
    /// <summary>A stage (a 3xx code) was reached.</summary>
    ValueTask StageAsync(StatusCode stage, CancellationToken cancellationToken);

    /// <summary>The amount of work became known (or changed): items (files, image layers) and bytes.</summary>
    void Totals(int items, long bytes);

    /// <summary>Bytes moved since the last call (negative: bytes of a broken try that will move again, taken off the count).</summary>
    void Transferred(long bytes);

    /// <summary>One file finished, successfully or not.</summary>
    ValueTask FileAsync(FileRecord file, CancellationToken cancellationToken);

    /// <summary>One image tag was pushed.</summary>
    ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken);

    /// <summary>
    /// One blob (layer or config) of a registry-to-registry image copy is done: already at the target,
    /// mounted there, copied, or failed. Called from several blobs at once. Does nothing unless implemented.
    /// </summary>
    ValueTask LayerAsync(LayerRecord layer, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
