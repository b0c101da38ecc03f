using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Testbed.Domino;

/// <summary>
/// A file's content in the Domino double. Generated content is produced on the fly from a seed, so a
/// 2 GiB file costs no memory; the same seed and length always give the same bytes and the same blob key.
/// </summary>
public abstract class TestContent
{
    public abstract long Length { get; }

    /// <summary>Domino's blob id: content-addressed, like git's.</summary>
    public abstract string Key { get; }

    public abstract Stream Open();

    public static TestContent FromText(string text) => new BytesContent(Encoding.UTF8.GetBytes(text));

    public static TestContent FromBytes(byte[] bytes) => new BytesContent(bytes);

    public static TestContent Generated(long length, int seed) => new GeneratedContent(length, seed);

    public string Sha256()
    {
        using var stream = Open();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed class BytesContent(byte[] bytes) : TestContent
    {
        public override long Length => bytes.LongLength;
        public override string Key { get; } = Convert.ToHexStringLower(SHA1.HashData(bytes));
        public override Stream Open() => new MemoryStream(bytes, writable: false);
    }

    private sealed class GeneratedContent(long length, int seed) : TestContent
    {
        public override long Length => length;
        public override string Key { get; } = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"generated:{seed}:{length}")));
        public override Stream Open() => new GeneratedStream(length, seed);
    }
}

/// <summary>A read-only stream of deterministic pseudo-random bytes (xorshift64*).</summary>
public sealed class GeneratedStream(long length, int seed) : Stream
{
    private ulong _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL;
    private long _position;
    private readonly byte[] _pending = new byte[8];
    private int _pendingOffset = 8;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        if (n <= 0) return 0;
        var span = buffer[..n];
        var i = 0;
        while (i < span.Length && _pendingOffset < 8) span[i++] = _pending[_pendingOffset++];
        while (span.Length - i >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[i..], Next());
            i += 8;
        }
        if (i < span.Length)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_pending, Next());
            _pendingOffset = 0;
            while (i < span.Length) span[i++] = _pending[_pendingOffset++];
        }
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    private ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
