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
/// What a claim got: the fencing token (<see cref="Generation"/>) when claimed; the run holding the export, since when
/// and where, when refused.
/// </summary>
public sealed record RunClaimResult(ClaimOutcome Outcome, long Generation = 0, long? HolderId = null, int? HolderNumber = null,
    DateTimeOffset? HolderSince = null, string? HolderNode = null)
{
    /// <summary>What a refused start (101) records: which run holds the export, since when and where.</summary>
    public string Refusal => HolderNumber is { } number
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The export was already running (run #{number}, since {HolderSince?.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC on {HolderNode ?? "an unknown node"}), so this run did not start")
        : "The export was already running, so this run did not start";
}

/// <summary>
/// The database side of a run's life: numbering, the start transition, and the export's guard.
/// Every step is a single conditional UPDATE, so it holds across threads, workers and nodes.
/// </summary>
public sealed class RunStore(PortalDbContext db, TimeProvider time, IEnumerable<IRunEndListener> listeners)
{
    /// <summary>A new queued run (220), numbered after the export's last one.</summary>
    public Task<Run> CreateAsync(int exportId, RunTrigger trigger, string? triggeredBy, CancellationToken cancellationToken) =>
        CreateAsync(exportId, trigger, triggeredBy, null, cancellationToken);

    /// <summary>A new queued run (220) made by the Hangfire job <paramref name="jobId"/>.</summary>
    public async Task<Run> CreateAsync(int exportId, RunTrigger trigger, string? triggeredBy, string? jobId, CancellationToken cancellationToken,
        RunKind kind = RunKind.Export, long? resumes = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = (await db.Runs.Where(r => r.ExportId == exportId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
            var run = new Run
            {
                ExportId = exportId,
                Number = number,
                Trigger = trigger,
                Kind = kind,
                ResumesRunId = resumes,
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
    /// Moves a queued run to Initializing on this node, then takes the export's guard with a new generation (its fencing
    /// token). The first step makes a run handed to two workers start once; the second makes an export run once at a time:
    /// a compare-and-set on the guard and the generation, so of two claimants exactly one gets each generation. A holder
    /// whose heartbeat is older than <paramref name="staleAfter"/> is recorded as 102 first — on condition that its heartbeat
    /// is still that old, so a holder that renewed meanwhile keeps the export.
    /// </summary>
    public async Task<RunClaimResult> ClaimAsync(long runId, int exportId, string node, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var started = await db.Runs
            .Where(r => r.Id == runId && r.Status == StatusCode.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, StatusCode.Initializing)
                .SetProperty(r => r.Node, node)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.HeartbeatAt, now), cancellationToken);
        if (started == 0) return new RunClaimResult(ClaimOutcome.Duplicate);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var guard = await db.Exports.Where(e => e.Id == exportId).Select(e => new { e.ActiveRunId, e.ClaimGeneration })
                .SingleAsync(cancellationToken);
            if (guard.ActiveRunId is { } activeId)
            {
                var active = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == activeId, cancellationToken);
                var staleBefore = time.GetUtcNow() - staleAfter;
                var abandoned = active is null || active.Status.IsFinished() || active.HeartbeatAt < staleBefore;
                if (!abandoned) return Refused(active!);
                if (active is not null && !active.Status.IsFinished()
                    && !await MarkInterruptedAsync(active.Id, "its node stopped sending heartbeats", cancellationToken, staleBefore))
                    continue;
            }
            var generation = guard.ClaimGeneration + 1;
            var claimed = await db.Exports
                .Where(e => e.Id == exportId && e.ClaimGeneration == guard.ClaimGeneration
                            && (e.ActiveRunId == null || e.ActiveRunId == guard.ActiveRunId))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, runId).SetProperty(e => e.ClaimGeneration, generation),
                    cancellationToken);
            if (claimed == 0) continue;
            await db.Runs.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimGeneration, generation), cancellationToken);
            return new RunClaimResult(ClaimOutcome.Claimed, generation);
        }
        var holder = await db.Exports.Where(e => e.Id == exportId).Select(e => e.ActiveRunId).SingleOrDefaultAsync(cancellationToken);
        var holding = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == holder, cancellationToken);
        return holding is null ? new RunClaimResult(ClaimOutcome.AlreadyRunning, HolderId: holder) : Refused(holding);
    }

    private static RunClaimResult Refused(Run holder) =>
        new(ClaimOutcome.AlreadyRunning, HolderId: holder.Id, HolderNumber: holder.Number, HolderSince: holder.StartedAt ?? holder.CreatedAt,
            HolderNode: holder.Node);

    public Task ReleaseAsync(int exportId, long runId, CancellationToken cancellationToken) =>
        db.Exports.Where(e => e.Id == exportId && e.ActiveRunId == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, (long?)null), cancellationToken);

    /// <summary>
    /// Records 102 on a run that can no longer finish (its node died or stopped) and frees its export. With
    /// <paramref name="staleBefore"/>, only if its heartbeat is still older than that: a run that renewed its claim meanwhile
    /// keeps it (the renewal and this statement touch the same row, so the database orders them).
    /// </summary>
    public async Task<bool> MarkInterruptedAsync(long runId, string reason, CancellationToken cancellationToken, DateTimeOffset? staleBefore = null)
    {
        var now = time.GetUtcNow();
        var message = $"{StatusCode.ExecutionNotComplete.Describe()}: {reason}";
        var live = db.Runs
            .Where(r => r.Id == runId && (r.Status == StatusCode.Scheduled || r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running));
        if (staleBefore is { } before) live = live.Where(r => r.HeartbeatAt < before);
        var changed = await live
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
        foreach (var listener in listeners) listener.RunEnded(runId, exportId, StatusCode.ExecutionNotComplete);
        return true;
    }
}
