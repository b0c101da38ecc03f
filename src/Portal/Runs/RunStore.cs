using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Contracts.Runs;

namespace Portal.Runs;

public enum ClaimOutcome
{
    Claimed,
    AlreadyRunning,
    /// <summary>This run already started elsewhere (a job handed out twice): nothing to do.</summary>
    Duplicate,
}

/// <summary>
/// The database side of a run's life: numbering, the start transition, and the export's guard.
/// Every step is a single conditional UPDATE, so it holds across threads, workers and nodes.
/// </summary>
public sealed class RunStore(PortalDbContext db, TimeProvider time)
{
    /// <summary>A new queued run (220), numbered after the export's last one.</summary>
    public Task<Run> CreateAsync(int exportId, RunTrigger trigger, string? triggeredBy, CancellationToken cancellationToken) =>
        CreateAsync(exportId, trigger, triggeredBy, null, cancellationToken);

    /// <summary>A new queued run (220) made by the Hangfire job <paramref name="jobId"/>.</summary>
    public async Task<Run> CreateAsync(int exportId, RunTrigger trigger, string? triggeredBy, string? jobId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = (await db.Runs.Where(r => r.ExportId == exportId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
            var run = new Run
            {
                ExportId = exportId,
                Number = number,
                Trigger = trigger,
                TriggeredBy = triggeredBy,
                JobId = jobId,
                Status = StatusCode.Scheduled,
                CreatedAt = time.GetUtcNow(),
            };
            db.Runs.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return run;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another run took this number at the same moment (unique index on export + number): take the next.
                db.Entry(run).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Moves a queued run to Initializing on this node, then takes the export's guard. The first step
    /// makes a run handed to two workers start once; the second makes an export run once at a time.
    /// </summary>
    public async Task<(ClaimOutcome Outcome, long? ActiveRunId)> ClaimAsync(long runId, int exportId, string node,
        TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var started = await db.Runs
            .Where(r => r.Id == runId && r.Status == StatusCode.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, StatusCode.Initializing)
                .SetProperty(r => r.Node, node)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.HeartbeatAt, now), cancellationToken);
        if (started == 0) return (ClaimOutcome.Duplicate, null);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var claimed = await db.Exports
                .Where(e => e.Id == exportId && e.ActiveRunId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, runId), cancellationToken);
            if (claimed == 1) return (ClaimOutcome.Claimed, null);

            var activeId = await db.Exports.Where(e => e.Id == exportId).Select(e => e.ActiveRunId).SingleOrDefaultAsync(cancellationToken);
            if (activeId is null) continue;
            var active = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == activeId, cancellationToken);
            var abandoned = active is null || active.Status.IsFinished() || active.HeartbeatAt < now - staleAfter;
            if (!abandoned) return (ClaimOutcome.AlreadyRunning, activeId);
            if (active is not null && !active.Status.IsFinished())
                await MarkInterruptedAsync(active.Id, "its node stopped sending heartbeats", cancellationToken);
            var taken = await db.Exports
                .Where(e => e.Id == exportId && e.ActiveRunId == activeId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, runId), cancellationToken);
            if (taken == 1) return (ClaimOutcome.Claimed, null);
        }
        var holder = await db.Exports.Where(e => e.Id == exportId).Select(e => e.ActiveRunId).SingleOrDefaultAsync(cancellationToken);
        return (ClaimOutcome.AlreadyRunning, holder);
    }

    public Task ReleaseAsync(int exportId, long runId, CancellationToken cancellationToken) =>
        db.Exports.Where(e => e.Id == exportId && e.ActiveRunId == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, (long?)null), cancellationToken);

    /// <summary>Records 102 on a run that can no longer finish (its node died or stopped) and frees its export.</summary>
    public async Task<bool> MarkInterruptedAsync(long runId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = $"{StatusCode.ExecutionNotComplete.Describe()}: {reason}";
        var changed = await db.Runs
            .Where(r => r.Id == runId && (r.Status == StatusCode.Scheduled || r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, StatusCode.ExecutionNotComplete)
                .SetProperty(r => r.FilesStatus, r => r.FilesStatus >= StatusCode.Running ? StatusCode.ExecutionNotComplete : r.FilesStatus)
                .SetProperty(r => r.ImageStatus, r => r.ImageStatus >= StatusCode.Running ? StatusCode.ExecutionNotComplete : r.ImageStatus)
                .SetProperty(r => r.Message, message)
                .SetProperty(r => r.EndedAt, now), cancellationToken);
        if (changed == 0) return false;
        db.RunStages.Add(new RunStage { RunId = runId, Code = StatusCode.ExecutionNotComplete, At = now });
        await db.SaveChangesAsync(cancellationToken);
        var exportId = await db.Runs.Where(r => r.Id == runId).Select(r => r.ExportId).SingleAsync(cancellationToken);
        await ReleaseAsync(exportId, runId, cancellationToken);
        await db.Exports.Where(e => e.Id == exportId && (e.LastRunId == null || e.LastRunId <= runId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.LastRunId, runId)
                .SetProperty(e => e.LastStatus, StatusCode.ExecutionNotComplete)
                .SetProperty(e => e.LastRunAt, now), cancellationToken);
        return true;
    }
}
