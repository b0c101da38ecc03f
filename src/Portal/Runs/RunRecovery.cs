using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Exports;
using Portal.Nodes;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>
/// Finds runs that can no longer finish and records them as 102: at start-up, the runs this node left
/// behind; every minute on any node, runs whose heartbeat went quiet (their node died) and queued runs
/// whose Hangfire job is gone (in-memory storage loses its queue on restart).
/// </summary>
public sealed class RunRecovery(PortalDbContext db, JobStorage storage, IServiceProvider services, IOptions<ExportsOptions> options,
    PortalNode node, TimeProvider time, ILogger<RunRecovery> logger)
{
    public const string JobId = "maintenance:stale-runs";

    /// <summary>At start-up: nothing of this node can still be running.</summary>
    public async Task<int> RecoverThisNodeAsync(CancellationToken cancellationToken)
    {
        var mine = await db.Runs.Where(r => r.Node == node.Name && (r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in mine)
            count += await InterruptAsync(id, "the portal restarted while the run was going", cancellationToken);
        return count + await RecoverStaleAsync(cancellationToken);
    }

    // No DisableConcurrentExecution: every step is a conditional UPDATE, so overlapping runs are harmless, and a
    // lock left behind by a node that died (PostgreSQL keeps it until it expires) must not stall the very job
    // that notices dead nodes.
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RecoverStaleAsync(CancellationToken cancellationToken)
    {
        var staleBefore = time.GetUtcNow() - options.Value.StaleRunAfter;
        var stale = await db.Runs
            .Where(r => (r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running) && r.HeartbeatAt < staleBefore)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in stale)
            count += await InterruptAsync(id, "its node stopped sending heartbeats", cancellationToken, staleBefore);

        var queuedBefore = time.GetUtcNow() - TimeSpan.FromSeconds(30);
        var queued = await db.Runs.Where(r => r.Status == StatusCode.Scheduled && r.CreatedAt < queuedBefore)
            .Select(r => new { r.Id, r.JobId }).ToListAsync(cancellationToken);
        using var connection = storage.GetConnection();
        foreach (var run in queued)
        {
            var state = run.JobId is null ? null : connection.GetStateData(run.JobId);
            if (state is null || state.Name is "Deleted" or "Succeeded" or "Failed")
                count += await InterruptAsync(run.Id, "its job was lost before it started (the portal restarted)", cancellationToken);
        }
        return count;
    }

    private async Task<int> InterruptAsync(long runId, string reason, CancellationToken cancellationToken, DateTimeOffset? staleBefore = null)
    {
        var store = services.GetRequiredService<RunStore>();
        if (!await store.MarkInterruptedAsync(runId, reason, cancellationToken, staleBefore)) return 0;
        RunLog.Interrupted(logger, runId, reason);
        return 1;
    }
}
