using System.IO.Pipelines;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Transfers;

namespace Portal.Tests.Unit.Domain.Transfers;

public sealed class StallGuardStreamTests
{
    [Fact]
    public async Task A_read_that_gets_no_byte_for_the_stall_timeout_fails_as_stalled_and_is_worth_another_try()
    {
        var time = new FakeTimeProvider();
        var pipe = new Pipe();
        await using var guarded = new StallGuardStream(pipe.Reader.AsStream(), TimeSpan.FromSeconds(30), "Domino ('big.bin')", time);

        var reading = guarded.ReadAsync(new byte[10]).AsTask();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(reading.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<StalledException>(() => reading);

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Contains("no byte arrived from Domino ('big.bin') for 30 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_bytes_and_time_between_reads_do_not_count_as_a_stall()
    {
        var time = new FakeTimeProvider();
        var pipe = new Pipe();
        await using var guarded = new StallGuardStream(pipe.Reader.AsStream(), TimeSpan.FromSeconds(30), "Domino", time);
        var buffer = new byte[10];

        for (var i = 0; i < 3; i++)
        {
            var reading = guarded.ReadAsync(buffer).AsTask();
            time.Advance(TimeSpan.FromSeconds(25));
            await pipe.Writer.WriteAsync(new byte[] { 1 });
            Assert.Equal(1, await reading);
            time.Advance(TimeSpan.FromMinutes(5)); // the consumer is busy: not the source's stall
        }
    }
}
