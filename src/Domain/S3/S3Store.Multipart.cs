using Amazon.S3;
using Amazon.S3.Model;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;

namespace Portal.Domain.S3;

public sealed partial class S3Store
{
    /// <summary>Multipart uploads this store started and has not completed or aborted yet.</summary>
    public int OpenUploads => _openUploads.Count;

    public async Task<string> StartMultipartAsync(string key, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        var uploadId = await CallAsync($"starting the upload of {key}", async () =>
        {
            var request = new InitiateMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = key,
                StorageClass = S3StorageClass.FindValue(target.StorageClass),
                ContentType = "application/octet-stream",
                // Every part then carries its SHA-256, which S3 checks, and the completion lists them.
                ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
            };
            AddMetadata(request.Metadata, metadata);
            return (await s3.InitiateMultipartUploadAsync(request, cancellationToken)).UploadId;
        }, cancellationToken);
        _openUploads[uploadId] = key;
        return uploadId;
    }

    /// <summary>One part; a stalled or broken attempt is tried again from the buffer, without reading the source again.</summary>
    public Task<PartETag> UploadPartAsync(string key, string uploadId, int partNumber, ArraySegment<byte> content,
        CancellationToken cancellationToken)
    {
        var checksum = Checksum(content);
        return CallAsync($"uploading part {partNumber} of {key}", async () =>
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
                ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
                ChecksumSHA256 = checksum,
                // Signed with the checksum's digest (S3ClientFactory) as one plain body, not re-hashed chunk by chunk.
                UseChunkEncoding = false,
            }, cancellationToken);
            // A store that checked the part echoes the checksum; one that answers another has other bytes.
            if (response.ChecksumSHA256 is { Length: > 0 } stored && stored != checksum)
                throw new ExportException(StatusCode.S3VerificationFailed,
                    $"S3 stored part {partNumber} of {key} with SHA-256 {stored} where {checksum} was sent");
            return new PartETag(partNumber, response.ETag) { ChecksumSHA256 = response.ChecksumSHA256 is { Length: > 0 } ? response.ChecksumSHA256 : checksum };
        }, cancellationToken);
    }

    /// <summary>Completes an upload and returns the object's ETag.</summary>
    public async Task<string> CompleteMultipartAsync(string key, string uploadId, List<PartETag> parts, CancellationToken cancellationToken)
    {
        // A retry that finds the upload gone cannot tell whether the lost attempt completed it (or someone aborted
        // it): the object is not trusted, and the file fails rather than record an ETag that may be another's.
        var etag = await CallAsync($"completing the upload of {key}", async () =>
        {
            var response = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = parts.OrderBy(p => p.PartNumber).ToList(),
            }, cancellationToken);
            return Tag(response.ETag);
        }, cancellationToken);
        _openUploads.TryRemove(uploadId, out _);
        return etag;
    }

    /// <summary>
    /// Best effort, tried several times with back-off whatever happened to the run: a failed or cancelled run
    /// must not leave parts behind, but it must not fail because of them either. What still fails is aborted
    /// by the export's next run (or archive) and by the bucket's AbortIncompleteMultipartUpload rule.
    /// </summary>
    public async Task<bool> AbortMultipartAsync(string key, string uploadId)
    {
        var delay = _retry.FirstDelay;
        for (var attempt = 1; attempt <= _retry.Attempts + 1; attempt++)
        {
            try
            {
                await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = uploadId });
                _openUploads.TryRemove(uploadId, out _);
                return true;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
            {
                _openUploads.TryRemove(uploadId, out _);
                return true;
            }
            catch (Exception e) when (S3Calls.IsTransient(e) && attempt <= _retry.Attempts)
            {
                await Task.Delay(delay, _time);
                delay *= 2;
            }
            catch (Exception)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Aborts every upload this store started and did not finish; how many are still open afterwards.</summary>
    public async Task<int> AbortOpenUploadsAsync()
    {
        foreach (var (uploadId, key) in _openUploads.ToArray())
            await AbortMultipartAsync(key, uploadId);
        return _openUploads.Count;
    }

    /// <summary>
    /// Aborts multipart uploads left under a prefix by runs that died. Returns how many, or null when
    /// the store cannot list them (some S3-compatible stores do not implement ListMultipartUploads).
    /// </summary>
    public Task<int?> AbortUploadsAsync(string prefix, CancellationToken cancellationToken) =>
        CallAsync($"aborting unfinished uploads under {prefix}", async () =>
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
                    try
                    {
                        await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
                        {
                            BucketName = target.Bucket,
                            Key = upload.Key,
                            UploadId = upload.UploadId,
                        }, cancellationToken);
                    }
                    catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
                    {
                        // finished or aborted meanwhile
                    }
                    _openUploads.TryRemove(upload.UploadId, out _);
                    aborted++;
                }
                request.KeyMarker = response.NextKeyMarker;
                request.UploadIdMarker = response.NextUploadIdMarker;
            } while (response.IsTruncated == true);
            return (int?)aborted;
        }, cancellationToken);
}
