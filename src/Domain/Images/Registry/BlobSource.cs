using System.Security.Cryptography;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// The bytes of one blob as they arrive from the source registry, hashed on the way. Nothing is kept:
/// memory stays one buffer per transfer whatever the blob's size. <see cref="Verify"/> is called before
/// the last byte is handed on, so a blob that does not match its digest is never completed at the target.
/// </summary>
public sealed class BlobSource(Descriptor blob, Stream stream, IncrementalHash hash, long position, RegistrySide registry, Action<long>? onBytes)
    : IDisposable
{
    public Descriptor Blob { get; } = blob;

    public RegistrySide Registry { get; } = registry;

    /// <summary>Bytes of the blob read so far (counted from its start, also when the read resumed in the middle).</summary>
    public long Position { get; private set; } = position;

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read;
        try
        {
            read = await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or HttpRequestException or OperationCanceledException)
        {
            throw Broken(RegistryClient.Innermost(e), e);
        }
        if (read == 0) throw Broken($"the registry ended the blob after {Position} of {Blob.Size} bytes", null);
        if (Position + read > Blob.Size)
            throw new RegistryException(RegistryFailure.Corrupt, Registry, $"reading blob {Blob.Digest}", $"it is longer than the {Blob.Size} bytes its manifest says");
        hash.AppendData(buffer.Span[..read]);
        Position += read;
        onBytes?.Invoke(read);
        return read;
    }

    /// <summary>The hash state so far, to resume from if the next chunk breaks.</summary>
    public IncrementalHash Snapshot() => hash.Clone();

    public void Verify()
    {
        var actual = "sha256:" + Convert.ToHexStringLower(hash.GetCurrentHash());
        if (Position != Blob.Size || actual != Blob.Digest)
            throw new RegistryException(RegistryFailure.Corrupt, Registry, $"reading blob {Blob.Digest}",
                $"its {Position} bytes hash to {actual}: the content does not match the digest its manifest names");
    }

    public void Dispose()
    {
        stream.Dispose();
        hash.Dispose();
    }

    private RegistryException Broken(string reason, Exception? inner) =>
        new(RegistryFailure.Unavailable, Registry, $"reading blob {Blob.Digest}", reason, inner: inner);
}
