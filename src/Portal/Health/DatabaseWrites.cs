using System.Collections.Concurrent;

namespace Portal.Health;

/// <summary>
/// What this node's run writers (heartbeats, file records, run endings) last saw of the database, for readiness:
/// a node whose writes fail is not ready even while reads still work (a full disk under SQLite). Each writer's failure
/// stands until the same writer succeeds again, or until a run ending (a transaction that wrote everything) is recorded.
/// </summary>
public sealed class DatabaseWrites
{
    private readonly ConcurrentDictionary<string, string> _failing = new(StringComparer.Ordinal);

    public void Failed(string writer, Exception error) => _failing[writer] = error.GetBaseException().Message;

    public void Succeeded(string writer) => _failing.TryRemove(writer, out _);

    /// <summary>A whole run ending reached the database: whatever failed before has been written since.</summary>
    public void Recovered() => _failing.Clear();

    /// <summary>One failing writer and what the database said, or null when none fails.</summary>
    public string? Failure => _failing.FirstOrDefault() is { Key: { } writer, Value: var message } ? $"{writer}: {message}" : null;
}
