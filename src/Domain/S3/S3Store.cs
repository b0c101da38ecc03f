using System.Collections.Concurrent;
using Amazon.S3;
using Amazon.S3.Model;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;
using Portal.Domain.Transfers;

namespace Portal.Domain.S3;

/// <summary>An object as a listing shows it; <see cref="ETag"/> without its quotes.</summary>
public sealed record S3Entry(string Key, long Size, string ETag = "");

/// <summary>A small object's text and the ETag it had when read.</summary>
public sealed record S3Document(string Text, string ETag);

/// <summary>
/// The S3 calls an export makes, on one bucket. Every failure comes out as an <see cref="Runs.ExportException"/>
/// with an S3 code (140–142) and says what was being done; a refused or reset connection, a timeout or a stall
/// is first tried again with back-off (<see cref="S3Retry"/>); cancellation passes through untouched.
/// Writes are split over S3Store.Writes.cs and S3Store.Multipart.cs.
/// </summary>
public sealed partial class S3Store(IAmazonS3 s3, S3Target target, S3Retry? retry = null, TimeProvider? time = null)
{
    /// <summary>S3's limit for a single CopyObject; larger objects are copied part by part.</summary>
    public const long MaxSingleCopySize = 5L * 1024 * 1024 * 1024;

    private readonly S3Retry _retry = retry ?? S3Retry.Default;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, string> _openUploads = new(StringComparer.Ordinal);

    public S3Target Target => target;

    /// <summary>Above this size a copy goes part by part (tests lower it to exercise that path).</summary>
    internal long SingleCopyLimit { get; init; } = MaxSingleCopySize;

    internal long CopyPartSize { get; init; } = 512L * 1024 * 1024;

    /// <summary>How long a response body may stay silent while it is read.</summary>
    internal TimeSpan ReadStallTimeout { get; init; } = S3RequestPolicy.Default.StallTimeout;

    internal IAmazonS3 Client => s3;

    /// <summary>A small object's text, or null when it does not exist.</summary>
    public async Task<string?> GetTextAsync(string key, CancellationToken cancellationToken) =>
        (await ReadAsync(key, cancellationToken))?.Text;

    /// <summary>A small object's text with its ETag, or null when it does not exist.</summary>
    public Task<S3Document?> ReadAsync(string key, CancellationToken cancellationToken) =>
        CallAsync($"reading {key}", async () =>
        {
            try
            {
                using var response = await s3.GetObjectAsync(target.Bucket, key, cancellationToken);
                using var reader = new StreamReader(Guarded(response.ResponseStream, key));
                return new S3Document(await reader.ReadToEndAsync(cancellationToken), Tag(response.ETag));
            }
            catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);

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
                foreach (var o in response.S3Objects ?? []) entries.Add(new S3Entry(o.Key, o.Size ?? 0, Tag(o.ETag)));
                request.ContinuationToken = response.NextContinuationToken;
            } while (response.IsTruncated == true);
            return entries;
        }, cancellationToken);

    /// <summary>Reads an object back and hashes it as it streams (never whole in memory).</summary>
    public Task<UploadResult> HashAsync(string key, CancellationToken cancellationToken) =>
        CallAsync($"reading {key}", async () =>
        {
            using var response = await s3.GetObjectAsync(target.Bucket, key, cancellationToken);
            using var sha = System.Security.Cryptography.SHA256.Create();
            var counter = new CountingStream(Guarded(response.ResponseStream, key));
            var hash = await sha.ComputeHashAsync(counter, cancellationToken);
            return new UploadResult(counter.Count, Convert.ToHexStringLower(hash), Tag(response.ETag));
        }, cancellationToken);

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
        }, cancellationToken);

    /// <summary>An object's size and ETag, or null when it does not exist.</summary>
    public Task<S3Entry?> HeadAsync(string key, CancellationToken cancellationToken) =>
        CallAsync($"reading the metadata of {key}", async () =>
        {
            try
            {
                var response = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = target.Bucket, Key = key },
                    cancellationToken);
                return new S3Entry(key, response.ContentLength, Tag(response.ETag));
            }
            catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>An ETag as S3 compares it: without its quotes.</summary>
    public static string Tag(string? etag) => (etag ?? "").Trim('"');

    private StallGuardStream Guarded(Stream body, string key) => new(body, ReadStallTimeout, $"S3 ({key})", _time);

    private Task<T> CallAsync<T>(string doing, Func<Task<T>> call, CancellationToken cancellationToken) =>
        S3Calls.RunAsync(doing, call, target, _retry, _time, cancellationToken);
}
