using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.S3;

/// <summary>An object as a listing shows it.</summary>
public sealed record S3Entry(string Key, long Size);

/// <summary>
/// The S3 calls an export makes, on one bucket. Every failure comes out as an <see cref="ExportException"/>
/// with an S3 code (140–142) and says what was being done; cancellation passes through untouched.
/// </summary>
public sealed class S3Store(IAmazonS3 s3, S3Target target)
{
    /// <summary>S3's limit for a single CopyObject; larger objects are copied part by part.</summary>
    public const long MaxSingleCopySize = 5L * 1024 * 1024 * 1024;

    public S3Target Target => target;

    /// <summary>Above this size a copy goes part by part (tests lower it to exercise that path).</summary>
    internal long SingleCopyLimit { get; init; } = MaxSingleCopySize;

    internal long CopyPartSize { get; init; } = 512L * 1024 * 1024;

    internal IAmazonS3 Client => s3;

    /// <summary>A small object's text, or null when it does not exist.</summary>
    public Task<string?> GetTextAsync(string key, CancellationToken cancellationToken) =>
        CallAsync($"reading {key}", async () =>
        {
            try
            {
                using var response = await s3.GetObjectAsync(target.Bucket, key, cancellationToken);
                using var reader = new StreamReader(response.ResponseStream);
                return await reader.ReadToEndAsync(cancellationToken);
            }
            catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
            {
                return null;
            }
        });

    /// <summary>Every object under a prefix (one ListObjectsV2 pass).</summary>
    public Task<List<S3Entry>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        CallAsync($"listing {prefix}", async () =>
        {
            var entries = new List<S3Entry>();
            var request = new ListObjectsV2Request { BucketName = target.Bucket, Prefix = prefix };
            ListObjectsV2Response response;
            do
            {
                response = await s3.ListObjectsV2Async(request, cancellationToken);
                foreach (var o in response.S3Objects ?? []) entries.Add(new S3Entry(o.Key, o.Size ?? 0));
                request.ContinuationToken = response.NextContinuationToken;
            } while (response.IsTruncated == true);
            return entries;
        });

    /// <summary>Reads an object back and hashes it as it streams (never whole in memory).</summary>
    public Task<UploadResult> HashAsync(string key, CancellationToken cancellationToken) =>
        CallAsync($"reading {key}", async () =>
        {
            using var response = await s3.GetObjectAsync(target.Bucket, key, cancellationToken);
            using var sha = System.Security.Cryptography.SHA256.Create();
            var counter = new CountingStream(response.ResponseStream);
            var hash = await sha.ComputeHashAsync(counter, cancellationToken);
            return new UploadResult(counter.Count, Convert.ToHexStringLower(hash));
        });

    /// <summary>User metadata of an object (without the x-amz-meta- prefix), or null when it does not exist.</summary>
    public Task<IReadOnlyDictionary<string, string>?> GetMetadataAsync(string key, CancellationToken cancellationToken) =>
        CallAsync($"reading the metadata of {key}", async () =>
        {
            try
            {
                var response = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = target.Bucket, Key = key },
                    cancellationToken);
                var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var name in response.Metadata.Keys)
                    metadata[name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name["x-amz-meta-".Length..] : name] =
                        response.Metadata[name];
                return (IReadOnlyDictionary<string, string>?)metadata;
            }
            catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
            {
                return null;
            }
        });

    /// <summary>Writes a whole object, in the target's storage class unless another is given.</summary>
    public Task PutAsync(string key, ArraySegment<byte> content, IReadOnlyDictionary<string, string>? metadata,
        string? contentType, CancellationToken cancellationToken, string? storageClass = null) =>
        CallAsync($"writing {key}", async () =>
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
            };
            AddMetadata(request.Metadata, metadata);
            await s3.PutObjectAsync(request, cancellationToken);
            return true;
        });

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
        });

    /// <summary>Deletes everything under a prefix.</summary>
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = (await ListAsync(prefix, cancellationToken)).Select(e => e.Key).ToList();
        if (keys.Count > 0) await DeleteAsync(keys, cancellationToken);
        return keys.Count;
    }

    /// <summary>
    /// A server-side copy into the target's storage class, keeping the source's metadata unless new
    /// metadata is given. Objects above 5 GB go part by part (UploadPartCopy), which CopyObject cannot do.
    /// </summary>
    public Task CopyAsync(string sourceKey, string destinationKey, long size, IReadOnlyDictionary<string, string>? metadata,
        CancellationToken cancellationToken) =>
        CallAsync($"copying {sourceKey} to {destinationKey}", async () =>
        {
            if (size <= SingleCopyLimit)
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
                await s3.CopyObjectAsync(request, cancellationToken);
                return true;
            }
            metadata ??= await GetMetadataAsync(sourceKey, cancellationToken);
            var uploadId = await StartMultipartAsync(destinationKey, metadata, cancellationToken);
            try
            {
                var parts = new List<PartETag>();
                for (long first = 0, number = 1; first < size; first += CopyPartSize, number++)
                {
                    var response = await s3.CopyPartAsync(new CopyPartRequest
                    {
                        SourceBucket = target.Bucket,
                        SourceKey = sourceKey,
                        DestinationBucket = target.Bucket,
                        DestinationKey = destinationKey,
                        UploadId = uploadId,
                        PartNumber = (int)number,
                        FirstByte = first,
                        LastByte = Math.Min(first + CopyPartSize, size) - 1,
                    }, cancellationToken);
                    parts.Add(new PartETag((int)number, response.ETag));
                }
                await CompleteMultipartAsync(destinationKey, uploadId, parts, cancellationToken);
            }
            catch
            {
                await AbortMultipartAsync(destinationKey, uploadId);
                throw;
            }
            return true;
        });

    public Task<string> StartMultipartAsync(string key, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        CallAsync($"starting the upload of {key}", async () =>
        {
            var request = new InitiateMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = key,
                StorageClass = S3StorageClass.FindValue(target.StorageClass),
                ContentType = "application/octet-stream",
            };
            AddMetadata(request.Metadata, metadata);
            return (await s3.InitiateMultipartUploadAsync(request, cancellationToken)).UploadId;
        });

    public Task<PartETag> UploadPartAsync(string key, string uploadId, int partNumber, ArraySegment<byte> content,
        CancellationToken cancellationToken) =>
        CallAsync($"uploading part {partNumber} of {key}", async () =>
        {
            using var stream = new MemoryStream(content.Array!, content.Offset, content.Count, writable: false);
            var response = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = target.Bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = partNumber,
                InputStream = stream,
                PartSize = content.Count,
            }, cancellationToken);
            return new PartETag(partNumber, response.ETag);
        });

    public Task CompleteMultipartAsync(string key, string uploadId, List<PartETag> parts, CancellationToken cancellationToken) =>
        CallAsync($"completing the upload of {key}", async () =>
        {
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = parts.OrderBy(p => p.PartNumber).ToList(),
            }, cancellationToken);
            return true;
        });

    /// <summary>Best effort: a failed or cancelled run must not leave parts behind, but it must not fail because of them either.</summary>
    public async Task AbortMultipartAsync(string key, string uploadId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = uploadId },
                timeout.Token);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or OperationCanceledException or HttpRequestException)
        {
            // the leftover is found and aborted by the next run (AbortUploadsAsync)
        }
    }

    /// <summary>
    /// Aborts multipart uploads left under a prefix by runs that died. Returns how many, or null when
    /// the store cannot list them (some S3-compatible stores do not implement ListMultipartUploads).
    /// </summary>
    public Task<int?> AbortUploadsAsync(string prefix, CancellationToken cancellationToken) =>
        CallAsync($"listing unfinished uploads under {prefix}", async () =>
        {
            var request = new ListMultipartUploadsRequest { BucketName = target.Bucket, Prefix = prefix };
            var aborted = 0;
            ListMultipartUploadsResponse response;
            do
            {
                try
                {
                    response = await s3.ListMultipartUploadsAsync(request, cancellationToken);
                }
                catch (AmazonS3Exception e) when (e.ErrorCode is "NotImplemented" or "MethodNotAllowed")
                {
                    return (int?)null;
                }
                foreach (var upload in response.MultipartUploads ?? [])
                {
                    await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
                    {
                        BucketName = target.Bucket,
                        Key = upload.Key,
                        UploadId = upload.UploadId,
                    }, cancellationToken);
                    aborted++;
                }
                request.KeyMarker = response.NextKeyMarker;
                request.UploadIdMarker = response.NextUploadIdMarker;
            } while (response.IsTruncated == true);
            return (int?)aborted;
        });

    private static void AddMetadata(MetadataCollection collection, IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>()) collection.Add(name, value);
    }

    private async Task<T> CallAsync<T>(string doing, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            // The SDK's own request timeout, not the caller's cancellation.
            throw new ExportException(StatusCode.S3Error, $"S3 did not answer in time while {doing}", e.ToString(), e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ExportException))
        {
            throw S3Errors.ToExportException(e, target, doing);
        }
    }
}
