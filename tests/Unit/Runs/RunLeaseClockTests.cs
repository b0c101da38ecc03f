using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Files;
using Portal.Exports;
using Portal.Health;
using Portal.Runs;

namespace Portal.Tests.Unit.Runs;

/// <summary>The lease of a run's claim: how long it lasts, that it fits inside StaleRunAfter, and that it runs out on either clock.</summary>
public sealed class RunLeaseClockTests
{
    [Fact]
    public void The_lease_leaves_room_for_a_last_S3_request_and_a_margin_inside_StaleRunAfter()
    {
        var exports = new ExportsOptions();
        var files = new FileExportOptions();

        var times = RunLeaseTimes.For(exports, files);

        Assert.Equal(TimeSpan.FromSeconds(12), times.Margin);
        Assert.Equal(TimeSpan.FromSeconds(48), times.Lease);
        Assert.Equal(exports.StaleRunAfter, times.Lease + files.S3RequestTimeout + times.Margin);
        Assert.Null(times.Problem(exports, files));
    }

    [Theory]
    [InlineData("00:00:20", "00:00:30")]
    [InlineData("00:00:10", "00:00:07")]
    public void Start_up_refuses_S3_timeouts_that_leave_no_lease_and_names_the_keys(string staleRunAfter, string s3RequestTimeout)
    {
        using var services = Services(new() { ["Exports:StaleRunAfter"] = staleRunAfter, ["Exports:S3RequestTimeout"] = s3RequestTimeout });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ExportsOptions>>().Value);

        Assert.Contains("Exports:S3RequestTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("Exports:StaleRunAfter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_timeouts_for_a_short_StaleRunAfter_are_accepted()
    {
        using var services = Services(new() { ["Exports:StaleRunAfter"] = "00:00:20", ["Exports:S3RequestTimeout"] = "00:00:04" });

        var exports = services.GetRequiredService<IOptions<ExportsOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(14), RunLeaseTimes.For(exports, services.GetRequiredService<IOptions<FileExportOptions>>().Value).Lease);
    }

    [Fact]
    public void A_claim_is_held_until_its_lease_runs_out_on_the_monotonic_clock()
    {
        var time = new FakeTimeProvider();
        using var claim = Claim(time);

        time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.True(claim.IsHeld);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(claim.IsHeld);
    }

    [Fact]
    public void A_claim_is_not_held_once_the_wall_clock_jumped_past_its_lease_even_if_the_monotonic_clock_did_not()
    {
        // A VM that was paused may resume with its monotonic clock unaware of the pause, and its wall clock set forward.
        var time = new SplitClock();
        using var claim = Claim(time);

        time.Wall += Lease;

        Assert.False(claim.IsHeld);
    }

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(14);

    private static RunClaim Claim(TimeProvider time) =>
        new(null!, time, new RunLeaseTimes(Lease, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)), new DatabaseWrites(), 1, 1, 1,
            time.GetTimestamp(), time.GetUtcNow());

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddDomain(configuration).AddExports(configuration).AddRuns().BuildServiceProvider();
    }

    /// <summary>A clock whose wall time moves on its own while its monotonic timestamp stands still.</summary>
    private sealed class SplitClock : TimeProvider
    {
        public DateTimeOffset Wall { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Wall;
        public override long GetTimestamp() => 1000;
    }
}
