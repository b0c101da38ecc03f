namespace Portal.Health;

/// <summary>
/// What this node's run writers (heartbeats, file records, run endings) last saw of the database, for readiness:
/// a node whose writes fail is not ready even while reads still work (a full disk under SQLite).
/// </summary>
public sealed class DatabaseWrites(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _failedAt;
    private string? _failure;

    public void Failed(Exception error)
    {
        lock (_lock)
        {
            _failedAt = time.GetUtcNow();
            _failure = error.GetBaseException().Message;
        }
    }

    /// <summary>The last failure if it happened within <paramref name="window"/>.</summary>
    public string? RecentFailure(TimeSpan window)
    {
        lock (_lock)
            return _failedAt is { } at && time.GetUtcNow() - at < window ? _failure : null;
    }
}
