using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Portal.Domain.Transfers;

namespace Portal.Domain.S3;

/// <summary>What was stored: the bytes counted and their SHA-256, both computed while streaming, and the ETag S3 gave it.</summary>
public sealed record UploadResult(long Size, string Sha256, string ETag = "");

/// <summary>The source sent fewer or more bytes than announced.</summary>
public sealed class ContentLengthException(long expected, long actual)
    : IOException($"the content has {(actual < expected ? "only " : "")}{actual} bytes where {expected} were expected")
{
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}

/// <summary>
/// Streams content of a known size into S3 without holding it whole: a file smaller than one part is
/// one PutObject; a larger one is a multipart upload whose parts go up while the next part is read.
/// TransferUtility needs seekable streams, and an HTTP download is not one. With bandwidth limits (the export's and
/// the node's), the source is read no faster than they allow, and so the upload goes no faster either.
/// </summary>
public sealed class StreamingUploader(S3Store store, PartBuffers buffers, int maxPartsInFlight, IReadOnlyList<Bandwidth>? limits = null)
{
    /// <summary>S3 accepts at most this many parts per upload.</summary>
    private const int MaxParts = 10_000;

    public const string Sha256Metadata = "sha256";

    public async Task<UploadResult> UploadAsync(Stream source, long size, string key, IReadOnlyDictionary<string, string> metadata,
        Action<long> transferred, CancellationToken cancellationToken)
    {
        if (limits is { Count: > 0 }) source = new ThrottledStream(source, limits);
        if (size < buffers.PartSize) return await PutAsync(source, size, key, metadata, transferred, cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        return await MultipartAsync(source, size, key, metadata, hash, transferred, cancellationToken);
    }

    private async Task<UploadResult> PutAsync(Stream source, long size, string key, IReadOnlyDictionary<string, string> metadata,
        Action<long> transferred, CancellationToken cancellationToken)
    {
        // One byte more than announced, to notice content that is longer than it should be.
        var buffer = ArrayPool<byte>.Shared.Rent((int)size + 1);
        try
        {
            var read = await source.ReadAtLeastAsync(buffer.AsMemory(0, (int)size + 1), (int)size + 1, throwOnEndOfStream: false,
                cancellationToken);
            transferred(read);
            if (read != size) throw new ContentLengthException(size, read);
            // One hash serves the manifest, the metadata, S3's checksum and the request's signature.
            var digest = SHA256.HashData(buffer.AsSpan(0, read));
            var sha256 = Convert.ToHexStringLower(digest);
            // A whole object's hash is known before it is sent, so it travels as metadata: a later
            // repair can then keep the object without reading it again.
            var withHash = new Dictionary<string, string>(metadata) { [Sha256Metadata] = sha256 };
            var etag = await store.PutAsync(key, new ArraySegment<byte>(buffer, 0, read), withHash, null, cancellationToken, sha256: digest);
            return new UploadResult(read, sha256, etag);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<UploadResult> MultipartAsync(Stream source, long size, string key, IReadOnlyDictionary<string, string> metadata,
        IncrementalHash hash, Action<long> transferred, CancellationToken cancellationToken)
    {
        var partSize = (int)Math.Max(buffers.PartSize, (size + MaxParts - 1) / MaxParts);
        var uploadId = await store.StartMultipartAsync(key, metadata, cancellationToken);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var inFlight = new SemaphoreSlim(maxPartsInFlight, maxPartsInFlight);
        var uploads = new List<Task<PartETag>>();
        var hashed = Task.CompletedTask;
        long total = 0;
        try
        {
            for (var number = 1; ; number++)
            {
                await inFlight.WaitAsync(failed.Token);
                var buffer = await buffers.RentAsync(partSize, failed.Token);
                int read;
                try
                {
                    read = await source.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, failed.Token);
                }
                catch
                {
                    buffers.Return(buffer);
                    inFlight.Release();
                    throw;
                }
                if (read == 0)
                {
                    buffers.Return(buffer);
                    inFlight.Release();
                    break;
                }
                transferred(read);
                total += read;
                if (total > size)
                {
                    buffers.Return(buffer);
                    inFlight.Release();
                    throw new ContentLengthException(size, total);
                }
                // Hashing (the file's SHA-256 and the part's) happens beside the reading, not in its way.
                hashed = AppendAsync(hash, hashed, buffer, read);
                uploads.Add(UploadPartAsync(key, uploadId, number, buffer, read, hashed, inFlight, failed));
                if (read < partSize) break;
            }
            if (total != size) throw new ContentLengthException(size, total);
            var parts = await Task.WhenAll(uploads);
            await hashed;
            var etag = await store.CompleteMultipartAsync(key, uploadId, parts.ToList(), cancellationToken);
            return new UploadResult(total, Convert.ToHexStringLower(hash.GetHashAndReset()), etag);
        }
        catch (Exception e)
        {
            await failed.CancelAsync();
            try { await Task.WhenAll(uploads); } catch { /* reported below */ }
            await store.AbortMultipartAsync(key, uploadId);
            // A failed part cancels the reading; report the part's error, not the cancellation it caused.
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                && uploads.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is { } partError)
                ExceptionDispatchInfo.Throw(partError);
            throw;
        }
    }

    /// <summary>Adds a part to the file's hash once the parts before it are in (in order), on another thread than the reading.</summary>
    private static async Task AppendAsync(IncrementalHash hash, Task previous, byte[] buffer, int length)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        hash.AppendData(buffer, 0, length);
    }

    private async Task<PartETag> UploadPartAsync(string key, string uploadId, int number, byte[] buffer, int length, Task hashed,
        SemaphoreSlim inFlight, CancellationTokenSource failed)
    {
        try
        {
            // Off the reading loop: the part's checksum (computed before it is sent) does not hold up the next read.
            await Task.Yield();
            return await store.UploadPartAsync(key, uploadId, number, new ArraySegment<byte>(buffer, 0, length), failed.Token);
        }
        catch
        {
            // Stop reading from Domino at once: the upload cannot complete any more.
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            // The buffer goes back only once the file's hash has taken it in.
            await hashed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            buffers.Return(buffer);
            inFlight.Release();
        }
    }
}
