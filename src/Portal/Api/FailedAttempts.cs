using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.Api;

/// <summary>
/// Failed credentials per client address, in fixed windows of <see cref="ApiOptions.FailedTokenWindow"/>: an address
/// over its limit is refused before any lookup, so a guessed token (or Domino key) that happens to be right does not
/// work either, and no guess costs a database query or a call to Domino.
/// </summary>
public sealed class FailedAttempts(IOptions<ApiOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    /// <returns>How long until the address may try again; null when it is under the limit.</returns>
    public TimeSpan? RetryAfter(string kind, HttpContext context, int limit)
    {
        var now = time.GetUtcNow();
        if (!_windows.TryGetValue(Key(kind, context), out var window) || window.Ends <= now || window.Count < limit) return null;
        return window.Ends - now;
    }

    public void Record(string kind, HttpContext context)
    {
        var now = time.GetUtcNow();
        _windows.AddOrUpdate(Key(kind, context), _ => new Window(now + options.Value.FailedTokenWindow, 1),
            (_, w) => w.Ends <= now ? new Window(now + options.Value.FailedTokenWindow, 1) : w with { Count = w.Count + 1 });
        if (_windows.Count > 10_000)
            foreach (var (key, w) in _windows)
                if (w.Ends <= now) _windows.TryRemove(key, out _);
    }

    private static string Key(string kind, HttpContext context) => $"{kind}:{context.Connection.RemoteIpAddress}";

    private sealed record Window(DateTimeOffset Ends, int Count);
}
