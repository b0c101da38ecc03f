using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Portal.Testbed.Registries;

/// <summary>
/// A gzip-compressed tar layer, written on demand: small ones from files in memory, large ones from a
/// seeded random generator (so nothing compresses or deduplicates, and nothing is held in memory). The
/// digest and size come from a first pass; <see cref="WriteToAsync"/> writes the same bytes again.
/// </summary>
public sealed class TestLayer
{
    private static readonly DateTimeOffset Epoch = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Func<Stream, Task> _writeTar;

    private TestLayer(Func<Stream, Task> writeTar) => _writeTar = writeTar;

    public string Digest { get; private set; } = "";

    /// <summary>The digest of the uncompressed tar (the config's rootfs diff_id).</summary>
    public string DiffId { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>A layer holding these files (mode 0755 for names under bin/, 0644 otherwise).</summary>
    public static Task<TestLayer> FromFilesAsync(IReadOnlyDictionary<string, byte[]> files) => MeasureAsync(new TestLayer(async tar =>
    {
        await using var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var directory in files.Keys.Select(Path.GetDirectoryName).Where(d => !string.IsNullOrEmpty(d)).Distinct())
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, directory + "/") { Mode = (UnixFileMode)0b111_101_101, ModificationTime = Epoch });
        foreach (var (name, bytes) in files)
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                Mode = name.StartsWith("bin/", StringComparison.Ordinal) ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
                ModificationTime = Epoch,
                DataStream = new MemoryStream(bytes),
            });
    }));

    /// <summary>A layer holding one file of <paramref name="bytes"/> random bytes from <paramref name="seed"/>.</summary>
    public static Task<TestLayer> RandomAsync(long bytes, int seed) => MeasureAsync(new TestLayer(async tar =>
    {
        await using var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true);
        await using var data = new RandomStream(bytes, seed);
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, $"data/random-{seed}.bin")
        {
            Mode = (UnixFileMode)0b110_100_100, ModificationTime = Epoch, DataStream = data,
        });
    }));

    /// <summary>The compressed layer in memory (for assertions on small layers).</summary>
    public byte[] Bytes()
    {
        using var memory = new MemoryStream();
        WriteToAsync(memory).GetAwaiter().GetResult();
        return memory.ToArray();
    }

    /// <summary>Writes the compressed layer (the same bytes every time).</summary>
    public async Task WriteToAsync(Stream destination)
    {
        // Level "no compression": gzip framing over stored blocks, so random content costs no CPU to "compress".
        await using var gzip = new GZipStream(destination, CompressionLevel.NoCompression, leaveOpen: true);
        await _writeTar(gzip);
    }

    private static async Task<TestLayer> MeasureAsync(TestLayer layer)
    {
        await using var compressed = new HashingStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.NoCompression, leaveOpen: true))
        await using (var tar = new HashingStream(gzip))
            await layer._writeTar(tar);
        var uncompressed = new HashingStream();
        await layer._writeTar(uncompressed);
        layer.Digest = compressed.Digest;
        layer.Size = compressed.Length;
        layer.DiffId = uncompressed.Digest;
        return layer;
    }

    /// <summary>A write-only stream that hashes and counts what goes through it (and passes it on, if given somewhere to).</summary>
    private sealed class HashingStream(Stream? next = null) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public string Digest => "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());
        public override long Length => _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() => next?.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
            next?.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Seeded random bytes, read once, of a known length (seekable in name only: TarWriter reads Length and Position from it).</summary>
    private sealed class RandomStream(long length, int seed) : Stream
    {
        private readonly Random _random = new(seed);
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            _random.NextBytes(buffer[..n]);
            _position += n;
            return n;
        }
    }
}
