using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.S3;

/// <summary>What must hold for a write to go ahead (S3 conditional writes), where the store supports it.</summary>
public sealed record S3Condition(bool MustNotExist, string? MatchETag)
{
    public static S3Condition None { get; } = new(false, null);

    /// <summary>If-None-Match: * — the key must not exist.</summary>
    public static S3Condition Absent { get; } = new(true, null);

    /// <summary>If-Match — the object must still be the one read (with this ETag).</summary>
    public static S3Condition Matches(string etag) => new(false, etag);
}

public sealed partial class S3Store
{
    /// <summary>
    /// Writes a whole object, in the target's storage class unless another is given; returns its ETag. A caller that has
    /// already hashed the content passes its SHA-256 (<paramref name="sha256"/>), so it is not hashed again.
    /// </summary>
    public Task<string> PutAsync(string key, ArraySegment<byte> content, IReadOnlyDictionary<string, string>? metadata,
        string? contentType, CancellationToken cancellationToken, string? storageClass = null, S3Condition? condition = null,
        byte[]? sha256 = null)
    {
        var checksum = sha256 is { Length: SHA256.HashSizeInBytes } known ? Convert.ToBase64String(known) : Checksum(content);
        return CallAsync($"writing {key}", async () =>
        {
            using var stream = new MemoryStream(content.Array!, content.Offset, content.Count, writable: false);
            var request = new PutObjectRequest
            {
                BucketName = target.Bucket,
                Key = key,
                InputStream = stream,
                AutoCloseStream = false,
                StorageClass = S3StorageClass.FindValue(storageClass ?? target.StorageClass),
                ContentType = contentType ?? "application/octet-stream",
                // S3 checks the bytes against this SHA-256 and refuses them (BadDigest) when they differ.
                ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
                ChecksumSHA256 = checksum,
                // Signed with the checksum's digest (S3ClientFactory) as one plain body, not re-hashed chunk by chunk.
                UseChunkEncoding = false,
            };
            if (condition?.MustNotExist == true) request.IfNoneMatch = "*";
            if (condition?.MatchETag is { } etag) request.IfMatch = Quoted(etag);
            AddMetadata(request.Metadata, metadata);
            return Tag((await s3.PutObjectAsync(request, cancellationToken)).ETag);
        }, cancellationToken);
    }

    /// <summary>The base64 SHA-256 S3's additional checksums carry (x-amz-checksum-sha256).</summary>
    internal static string Checksum(ArraySegment<byte> content) => Convert.ToBase64String(SHA256.HashData(content));

    /// <summary>Deletes objects in batches of 1,000 (the DeleteObjects limit).</summary>
    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        CallAsync($"deleting {keys.Count} objects", async () =>
        {
            foreach (var batch in keys.Chunk(1000))
            {
                var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = target.Bucket,
                    Objects = batch.Select(k => new KeyVersion { Key = k }).ToList(),
                    Quiet = true,
                }, cancellationToken);
                if (response.DeleteErrors is { Count: > 0 } errors)
                    throw new ExportException(StatusCode.S3Error,
                        $"S3 refused to delete {errors.Count} objects, e.g. {errors[0].Key}: {errors[0].Code} {errors[0].Message}");
            }
            return true;
        }, cancellationToken);

    /// <summary>
    /// Deletes one object only if it is still the one read (If-Match on its ETag); an object already gone counts
    /// as deleted. A store that ignores the header deletes it all the same.
    /// </summary>
    public Task DeleteIfMatchAsync(string key, string etag, CancellationToken cancellationToken) =>
        CallAsync($"deleting {key}", async () =>
        {
            try
            {
                await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = target.Bucket, Key = key, IfMatch = Quoted(etag) },
                    cancellationToken);
            }
            catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
            {
                // gone already (a retry of a delete whose answer was lost)
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "NotImplemented")
            {
                await s3.DeleteObjectAsync(target.Bucket, key, cancellationToken);
            }
            return true;
        }, cancellationToken);

    /// <summary>Deletes everything under a prefix.</summary>
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = (await ListAsync(prefix, cancellationToken)).Select(e => e.Key).ToList();
        if (keys.Count > 0) await DeleteAsync(keys, cancellationToken);
        return keys.Count;
    }

    /// <summary>
    /// A server-side copy into the target's storage class, keeping the source's metadata unless new
    /// metadata is given; returns the copy's ETag. Objects above 5 GB go part by part (UploadPartCopy),
    /// which CopyObject cannot do.
    /// </summary>
    public async Task<string> CopyAsync(string sourceKey, string destinationKey, long size, IReadOnlyDictionary<string, string>? metadata,
        CancellationToken cancellationToken)
    {
        if (size <= SingleCopyLimit)
            return await CallAsync($"copying {sourceKey} to {destinationKey}", async () =>
            {
                var request = new CopyObjectRequest
                {
                    SourceBucket = target.Bucket,
                    SourceKey = sourceKey,
                    DestinationBucket = target.Bucket,
                    DestinationKey = destinationKey,
                    StorageClass = S3StorageClass.FindValue(target.StorageClass),
                    MetadataDirective = metadata is null ? S3MetadataDirective.COPY : S3MetadataDirective.REPLACE,
                };
                AddMetadata(request.Metadata, metadata);
                return Tag((await s3.CopyObjectAsync(request, cancellationToken)).ETag);
            }, cancellationToken);

        metadata ??= await GetMetadataAsync(sourceKey, cancellationToken);
        var uploadId = await StartMultipartAsync(destinationKey, metadata, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (long first = 0, number = 1; first < size; first += CopyPartSize, number++)
            {
                var (from, part) = (first, (int)number);
                parts.Add(await CallAsync($"copying part {part} of {sourceKey} to {destinationKey}", async () =>
                {
                    var response = await s3.CopyPartAsync(new CopyPartRequest
                    {
                        SourceBucket = target.Bucket,
                        SourceKey = sourceKey,
                        DestinationBucket = target.Bucket,
                        DestinationKey = destinationKey,
                        UploadId = uploadId,
                        PartNumber = part,
                        FirstByte = from,
                        LastByte = Math.Min(from + CopyPartSize, size) - 1,
                    }, cancellationToken);
                    // The upload was started with SHA-256 checksums: S3 computes each copied part's, and the completion lists it.
                    return new PartETag(part, response.ETag) { ChecksumSHA256 = response.ChecksumSHA256 };
                }, cancellationToken));
            }
            return await CompleteMultipartAsync(destinationKey, uploadId, parts, cancellationToken);
        }
        catch
        {
            await AbortMultipartAsync(destinationKey, uploadId);
            throw;
        }
    }

    private static string Quoted(string etag) => $"\"{Tag(etag)}\"";

    private static void AddMetadata(MetadataCollection collection, IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>()) collection.Add(name, value);
    }
}
