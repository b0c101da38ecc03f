namespace Portal.Domain.Transfers;

/// <summary>A read stopped because no byte arrived for the stall timeout: worth another try.</summary>
public sealed class StalledException(string message) : IOException(message);

/// <summary>
/// A read-only pass-through whose every read must deliver a byte within <c>stallTimeout</c>, or the read is
/// cancelled and fails with <see cref="StalledException"/>. Time spent between reads (the consumer waiting for
/// a free part buffer) does not count.
/// </summary>
public sealed class StallGuardStream(Stream inner, TimeSpan stallTimeout, string what, TimeProvider time) : Stream
{
    private readonly CancellationTokenSource _stall = new(Timeout.InfiniteTimeSpan, time);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_stall.IsCancellationRequested) throw Stalled();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stall.Token);
        _stall.CancelAfter(stallTimeout);
        try
        {
            return await inner.ReadAsync(buffer, linked.Token);
        }
        catch (Exception e) when (_stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                  && e is OperationCanceledException or IOException)
        {
            throw Stalled();
        }
        finally
        {
            _stall.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    private StalledException Stalled() =>
        new($"no byte arrived from {what} for {stallTimeout.TotalSeconds:0.#} s (Exports:StallTimeout)");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stall.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _stall.Dispose();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
