using System.Buffers;
using System.Net;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// A request body of exactly <c>length</c> bytes taken from a <see cref="BlobSource"/> as it is sent:
/// one chunk of a chunked upload, or the whole blob. With <c>verifyAtEnd</c> the blob's digest is
/// checked before its last buffer is written, so a corrupt blob is never completed. A transfer that
/// moves no byte for the idle timeout is aborted. It can be sent once.
/// </summary>
internal sealed class ChunkContent(BlobSource source, long length, bool verifyAtEnd, int bufferSize, TimeSpan idleTimeout, RegistrySide target)
    : HttpContent
{
    private bool _sent;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_sent) throw new InvalidOperationException("A streamed chunk cannot be sent twice");
        _sent = true;
        // Two buffers: the next one fills from the source while the current one goes to the target.
        var current = ArrayPool<byte>.Shared.Rent(bufferSize);
        var next = ArrayPool<byte>.Shared.Rent(bufferSize);
        Task<int>? reading = null;
        try
        {
            var remaining = length;
            var filled = await FillAsync(current, remaining, cancellationToken);
            while (true)
            {
                remaining -= filled;
                reading = remaining > 0 ? FillAsync(next, remaining, cancellationToken) : null;
                // The digest is checked once the last byte is read and before it is sent.
                if (reading is null && verifyAtEnd) source.Verify();
                var write = current;
                var count = filled;
                await Idle(async t => { await stream.WriteAsync(write.AsMemory(0, count), t); return 0; }, target, "writing to the target", cancellationToken);
                if (reading is null) break;
                filled = await reading;
                reading = null;
                (current, next) = (next, current);
            }
        }
        finally
        {
            // A read still under way owns its buffer until it ends.
            if (reading is not null) await reading.ContinueWith(_ => { }, TaskScheduler.Default);
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private async Task<int> FillAsync(byte[] buffer, long remaining, CancellationToken cancellationToken)
    {
        var want = (int)Math.Min(buffer.Length, remaining);
        var filled = 0;
        while (filled < want)
            filled += await Idle(t => source.ReadAsync(buffer.AsMemory(filled, want - filled), t), source.Registry, "reading from the source", cancellationToken);
        return filled;
    }

    protected override bool TryComputeLength(out long value)
    {
        value = length;
        return true;
    }

    private async Task<int> Idle(Func<CancellationToken, ValueTask<int>> step, RegistrySide side, string what, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await step(idle.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException(RegistryFailure.Unavailable, side, $"copying blob {source.Blob.Digest}",
                $"no byte moved for {idleTimeout} while {what}", inner: e);
        }
    }
}
