using Portal.Domain.Transfers;
using Portal.Tests.Support;

namespace Portal.Tests.Unit.Domain.Transfers;

public sealed class BandwidthTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Two_transfers_under_one_limit_each_get_half_of_it()
    {
        // 1 MiB/s: a 50 ms refill holds one chunk, so each refill lets a waiting transfer go on, the one that waited longest.
        using var limit = new Bandwidth(1024 * 1024, autoRefill: false);
        var read = new long[2];
        using var stop = new CancellationTokenSource();
        var transfers = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            await using var stream = new ThrottledStream(new MemoryStream(new byte[64 * 1024 * 1024]), [limit]);
            var buffer = new byte[8 * 1024 * 1024];
            int n;
            while ((n = await stream.ReadAsync(buffer, stop.Token)) > 0) Interlocked.Add(ref read[i], n);
        })).ToList();

        for (var refill = 0; refill < 40; refill++)
        {
            // Both transfers are waiting for their next chunk before each refill, and the refill is spent before the next
            // one: the bucket holds one chunk, so a refill given while the last one was still unspent would be lost.
            await Poll.UntilAsync(() => limit.Waiting == 2L * limit.Chunk, "both transfers waiting on the limit");
            var before = Interlocked.Read(ref read[0]) + Interlocked.Read(ref read[1]);
            limit.Refill();
            await Poll.UntilAsync(() => Interlocked.Read(ref read[0]) + Interlocked.Read(ref read[1]) > before, "a transfer moving on after the refill");
        }
        await Poll.UntilAsync(() => limit.Waiting == 2L * limit.Chunk, "both transfers waiting on the limit");
        await stop.CancelAsync();
        foreach (var t in transfers) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t);

        // Turn by turn, each gets about half (which of the two is served first after a refill is a race, so not exactly).
        output.WriteLine($"{read[0]} and {read[1]} bytes");
        var total = read[0] + read[1];
        Assert.True(total >= 40L * limit.Chunk, $"only {total} bytes moved");
        Assert.InRange(read[0] / (double)total, 0.4, 0.6);
    }

    [Fact]
    public async Task A_read_never_asks_for_more_than_the_smallest_limit_allows_at_once()
    {
        using var wide = new Bandwidth(100L * 1024 * 1024, autoRefill: false);
        using var narrow = new Bandwidth(100 * 1024, autoRefill: false);
        await using var stream = new ThrottledStream(new MemoryStream(new byte[1024 * 1024]), [wide, narrow]);

        var n = await stream.ReadAsync(new byte[1024 * 1024]);

        Assert.Equal(narrow.Chunk, n);
        Assert.Equal(5120, narrow.Chunk); // 100 KiB/s: 5 KiB a 50 ms period
        Assert.Equal(64 * 1024, wide.Chunk);
    }
}
