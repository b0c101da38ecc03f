namespace Portal.Tests.Support;

/// <summary>
/// The one way a test waits for what another thread or process does: ask again every <see cref="Interval"/> until the
/// answer comes, and fail naming what never happened once the timeout has passed. The timeout only bounds a broken
/// test; nothing is asserted about how long the wait took.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ForAsync(async () => await condition() ? what : null, what, timeout);

    /// <summary>The first non-null answer of <paramref name="probe"/>; <paramref name="explain"/> adds what the test saw instead.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, Func<Task<string>>? explain = null,
        TimeSpan? interval = null) where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        using var expired = new CancellationTokenSource(limit);
        while (true)
        {
            if (await probe() is { } found) return found;
            try
            {
                await Task.Delay(interval ?? Interval, expired.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {limit} for {what}.{(explain is null ? "" : " " + await explain())}");
            }
        }
    }
}
