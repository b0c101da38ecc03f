using Microsoft.Extensions.Options;
using Portal.Domain.Files;
using Portal.Exports;

namespace Portal.Runs;

/// <summary>
/// How long a run may keep writing after its claim was last confirmed in the database. Another run takes an export
/// over only once the holder's heartbeat is <c>Exports:StaleRunAfter</c> old; a write the holder starts at the last
/// moment of its lease ends (or is abandoned) within <c>Exports:S3RequestTimeout</c>; a margin covers clock skew
/// between nodes and database latency. So lease + request timeout + margin fit inside StaleRunAfter.
/// </summary>
public sealed record RunLeaseTimes(TimeSpan Lease, TimeSpan Margin, TimeSpan ConfirmTimeout)
{
    public static RunLeaseTimes For(ExportsOptions exports, FileExportOptions files)
    {
        var margin = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(2).Ticks, exports.StaleRunAfter.Ticks / 10));
        var lease = exports.StaleRunAfter - files.S3RequestTimeout - margin;
        var confirm = TimeSpan.FromTicks(Math.Clamp(lease.Ticks / 3, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(5).Ticks));
        return new RunLeaseTimes(lease, margin, confirm);
    }

    /// <summary>The lease must outlast a couple of heartbeats, or a healthy run would keep losing it.</summary>
    public string? Problem(ExportsOptions exports, FileExportOptions files) =>
        Lease >= TimeSpan.FromSeconds(1) && Lease >= 2 * exports.ProgressInterval
            ? null
            : $"Exports:S3RequestTimeout ({files.S3RequestTimeout}) does not fit inside Exports:StaleRunAfter ({exports.StaleRunAfter}): "
              + $"a run must be able to stop writing (S3RequestTimeout plus a margin of {Margin}) and still hold a lease of at least "
              + $"two Exports:ProgressInterval ({exports.ProgressInterval}) and 1 s before another run may take its export over. "
              + "Raise StaleRunAfter or lower S3RequestTimeout.";
}

/// <summary>Stops start-up when the S3 timeouts leave no room for a run's lease.</summary>
internal sealed class RunLeaseValidator(IOptions<FileExportOptions> files) : IValidateOptions<ExportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportsOptions options) =>
        RunLeaseTimes.For(options, files.Value).Problem(options, files.Value) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
