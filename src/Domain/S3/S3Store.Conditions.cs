using System.Collections.Concurrent;
using Amazon.S3;

namespace Portal.Domain.S3;

public sealed partial class S3Store
{
    private static readonly ConcurrentDictionary<string, (bool Supported, DateTimeOffset At)> ConditionalWrites = new(StringComparer.Ordinal);
    private static readonly TimeSpan ConditionalWritesKnownFor = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the store honours If-None-Match on PutObject (AWS S3 does since 2024; some S3-compatible stores ignore
    /// it, and an ignored condition protects nothing). Found by writing <paramref name="probeKey"/> twice — the second
    /// time on condition that it does not exist — and deleting it; remembered per endpoint and bucket for an hour.
    /// </summary>
    public async Task<bool> SupportsConditionalWritesAsync(string probeKey, CancellationToken cancellationToken)
    {
        var store = $"{target.Endpoint?.ToString() ?? target.Region}|{target.Bucket}";
        var now = _time.GetUtcNow();
        if (ConditionalWrites.TryGetValue(store, out var known) && now - known.At < ConditionalWritesKnownFor) return known.Supported;

        byte[] probe = "conditional write probe"u8.ToArray();
        await PutAsync(probeKey, probe, null, "text/plain", cancellationToken, S3StorageClasses.Standard);
        bool supported;
        try
        {
            await PutAsync(probeKey, probe, null, "text/plain", cancellationToken, S3StorageClasses.Standard, S3Condition.Absent);
            supported = false;
        }
        catch (S3PreconditionFailedException)
        {
            supported = true;
        }
        catch (Runs.ExportException e) when (S3Calls.Find<AmazonS3Exception>(e) is { ErrorCode: "NotImplemented" or "InvalidArgument" or "InvalidRequest" })
        {
            supported = false;
        }
        await DeleteAsync([probeKey], cancellationToken);
        ConditionalWrites[store] = (supported, now);
        return supported;
    }
}
