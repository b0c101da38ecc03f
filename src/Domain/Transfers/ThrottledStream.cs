namespace Portal.Domain.Transfers;

/// <summary>
/// A read-only pass-through that reads no faster than every one of its <see cref="Bandwidth"/> limits allows: each read
/// asks for at most the smallest limit's chunk, and the bytes read are then taken from each limit in turn (the export's,
/// then the node's). The inner stream stays its owner's to dispose.
/// </summary>
public sealed class ThrottledStream(Stream inner, IReadOnlyList<Bandwidth> limits) : Stream
{
    private readonly int _chunk = limits.Min(l => l.Chunk);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, _chunk)], cancellationToken);
        if (read > 0)
            foreach (var limit in limits)
                await limit.TakeAsync(read, cancellationToken);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
