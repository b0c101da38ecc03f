using Portal.Contracts.Runs;

namespace Portal.Domain.Runs;

/// <summary>
/// A run's claim on its export, as the export engine sees it (docs/decisions/010-run-fencing.md). The portal
/// holds the claim in its database; the engine asks before anything that another run's snapshot could
/// suffer from: every S3 write checks <see cref="IsHeld"/> (no I/O), and writing a manifest, rotating or
/// deleting first calls <see cref="ConfirmAsync"/>.
/// </summary>
public interface IRunLease
{
    /// <summary>
    /// True while no other run can have taken the export over: the claim was confirmed recently enough,
    /// by both the monotonic and the wall clock, that a write started now ends before a takeover can begin.
    /// </summary>
    bool IsHeld { get; }

    /// <summary>
    /// Confirms the claim with its owner (the database) within a bounded time and renews the lease.
    /// Throws <see cref="RunLeaseException"/> when the claim is lost or cannot be confirmed.
    /// </summary>
    Task ConfirmAsync(CancellationToken cancellationToken);
}

/// <summary>The run may no longer write: another run took the export over, or its claim could not be confirmed.</summary>
public sealed class RunLeaseException(string message, bool lost, Exception? inner = null)
    : ExportException(StatusCode.ExecutionNotComplete, message, inner?.ToString(), inner)
{
    /// <summary>True when another run holds the export now; false when the claim only could not be confirmed.</summary>
    public bool Lost { get; } = lost;
}

/// <summary>Leases for runs nobody else can take over (tests, benchmarks, a single caller).</summary>
public static class RunLeases
{
    public static IRunLease Unfenced { get; } = new UnfencedLease();

    private sealed class UnfencedLease : IRunLease
    {
        public bool IsHeld => true;
        public Task ConfirmAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
