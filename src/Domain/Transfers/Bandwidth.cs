using System.Threading.RateLimiting;

namespace Portal.Domain.Transfers;

/// <summary>
/// A bandwidth limit in bytes per second (a token bucket), shared fairly by the transfers drawing on it: each takes
/// at most <see cref="Chunk"/> bytes at a time and waits in one first-come queue, so transfers in flight take turns and
/// get equal shares. Refilled every <see cref="Period"/> for the time that passed; the bucket holds at most
/// <see cref="Burst"/> worth, so a transfer starting on an idle limit gains no more than that, and a refill that comes
/// late (a busy machine) loses nothing up to it.
/// </summary>
public sealed class Bandwidth : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(250);
    private const int MaxChunk = 64 * 1024;
    private readonly TokenBucketRateLimiter _bucket;

    /// <param name="bytesPerSecond">The limit.</param>
    /// <param name="autoRefill">False for tests, which refill it themselves (<see cref="Refill"/>).</param>
    public Bandwidth(long bytesPerSecond, bool autoRefill = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerSecond, 20);
        BytesPerSecond = bytesPerSecond;
        var perPeriod = (int)Math.Min(int.MaxValue / 2, Math.Max(1, bytesPerSecond * Period.TotalSeconds));
        Chunk = Math.Min(MaxChunk, perPeriod);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)Math.Min(int.MaxValue, (long)perPeriod * (Burst.Ticks / Period.Ticks)),
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = Period,
            AutoReplenishment = autoRefill,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public long BytesPerSecond { get; }

    /// <summary>The most one transfer takes at once.</summary>
    public int Chunk { get; }

    /// <summary>A limit, or none for null.</summary>
    public static Bandwidth? Of(long? bytesPerSecond) => bytesPerSecond is { } limit ? new Bandwidth(limit) : null;

    /// <summary>Waits until <paramref name="bytes"/> (at most <see cref="Chunk"/>) may move.</summary>
    public async ValueTask TakeAsync(int bytes, CancellationToken cancellationToken)
    {
        using var lease = await _bucket.AcquireAsync(Math.Min(bytes, Chunk), cancellationToken);
        if (!lease.IsAcquired) throw new InvalidOperationException("The bandwidth limiter refused a request it should have queued");
    }

    /// <summary>Bytes asked for and waiting.</summary>
    internal long Waiting => _bucket.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>One period's refill, for a limiter made without auto-refill.</summary>
    internal void Refill() => _bucket.TryReplenish();

    public void Dispose() => _bucket.Dispose();
}
