using System.Net;
using Portal.Domain.Runs;

namespace Portal.Domain.S3;

/// <summary>
/// A request body sent in small chunks: each chunk first checks the lease (when the request writes) and,
/// once on the wire, counts as progress for the stall detector.
/// </summary>
internal sealed class WatchedContent : HttpContent
{
    private const int Chunk = 64 * 1024;
    private readonly HttpContent _inner;
    private readonly Action _progress;
    private readonly IRunLease? _lease;

    public WatchedContent(HttpContent inner, Action progress, IRunLease? lease)
    {
        _inner = inner;
        _progress = progress;
        _lease = lease;
        foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(new GateStream(stream, this), context, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    private sealed class GateStream(Stream wire, WatchedContent content) : Stream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            for (var offset = 0; offset < buffer.Length; offset += Chunk)
            {
                if (content._lease is { IsHeld: false }) throw S3RequestHandler.LeaseExpired();
                await wire.WriteAsync(buffer.Slice(offset, Math.Min(Chunk, buffer.Length - offset)), cancellationToken);
                content._progress();
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => wire.FlushAsync(cancellationToken);
        public override void Flush() => wire.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
