using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Portal.Data;
using Portal.Domain.Runs;
using Portal.Health;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>
/// A run's claim on its export and the lease that comes with it (docs/decisions/010-run-fencing.md). Every renewal
/// is one conditional UPDATE of the run's heartbeat: it changes a row only while the run is live and the export is
/// still held by it with its generation. Zero rows: the claim is lost, <see cref="Lost"/> fires and nothing of the
/// run is written again. The lease is local: valid until the last confirmed renewal's start plus
/// <see cref="RunLeaseTimes.Lease"/>, by the monotonic and the wall clock both (a frozen VM may stop one of them).
/// </summary>
/// <param name="claimedTimestamp">The monotonic time taken before the claim's heartbeat was written: the lease's first start.</param>
/// <param name="claimedAt">The wall time taken with it.</param>
internal sealed class RunClaim(IServiceScopeFactory scopes, TimeProvider time, RunLeaseTimes times, DatabaseWrites writes,
    long runId, int exportId, long generation, long claimedTimestamp, DateTimeOffset claimedAt) : IRunLease, IDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly Lock _lock = new();
    private long _renewedTimestamp = claimedTimestamp;
    private DateTimeOffset _renewedAt = claimedAt;

    public long RunId => runId;
    public int ExportId => exportId;
    public long Generation => generation;

    /// <summary>Fires once another run holds the export (or the run was ended by someone else).</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public bool IsHeld
    {
        get
        {
            if (IsLost) return false;
            lock (_lock)
                return time.GetElapsedTime(_renewedTimestamp) < times.Lease && time.GetUtcNow() - _renewedAt < times.Lease;
        }
    }

    /// <summary>The run's row, while this claim holds: live, and its export held by it with this generation.</summary>
    public IQueryable<Run> Held(PortalDbContext db) => db.Runs.Where(r => r.Id == runId
        && (r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running)
        && db.Exports.Any(e => e.Id == exportId && e.ActiveRunId == runId && e.ClaimGeneration == generation));

    /// <summary>
    /// Renews the lease with the heartbeat, setting <paramref name="also"/> in the same statement. False: the claim is
    /// lost. Throws when the database fails (the lease then runs out on its own).
    /// </summary>
    public async Task<bool> RenewAsync(Action<UpdateSettersBuilder<Run>>? also, CancellationToken cancellationToken)
    {
        if (IsLost) return false;
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        using var timeout = new CancellationTokenSource(times.ConfirmTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        int changed;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            changed = await Held(db).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.HeartbeatAt, now);
                also?.Invoke(s);
            }, linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            writes.Failed("heartbeat", e);
            throw;
        }
        writes.Succeeded("heartbeat");
        if (changed == 0)
        {
            await _lost.CancelAsync();
            return false;
        }
        lock (_lock)
        {
            if (started > _renewedTimestamp)
            {
                _renewedTimestamp = started;
                _renewedAt = now;
            }
        }
        return true;
    }

    /// <summary>
    /// Confirms the claim in the database before a step that could harm another run's snapshot. A failing database
    /// is tried again while the lease lasts; then the run writes nothing more.
    /// </summary>
    public async Task ConfirmAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await RenewAsync(null, cancellationToken)) return;
                throw LostException();
            }
            catch (Exception e) when (e is not RunLeaseException && !cancellationToken.IsCancellationRequested)
            {
                if (!IsHeld)
                    throw new RunLeaseException(
                        $"The database did not confirm the run's claim on its export within its lease ({times.Lease.TotalSeconds:0} s), so it "
                        + $"stopped writing to S3; the next run picks up from here. The database said: {e.GetBaseException().Message}",
                        lost: false, e);
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
            }
        }
    }

    public static RunLeaseException LostException() =>
        new("Another run took the export over (this run's heartbeat had gone stale), so this run stopped and wrote nothing more", lost: true);

    public void Dispose() => _lost.Dispose();
}
