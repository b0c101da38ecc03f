using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Health;
using Portal.Contracts.Runs;
using Portal.Telemetry;

namespace Portal.Runs;

internal enum EndingRecorded
{
    Recorded,
    /// <summary>Another run holds the export (or the run was ended by someone else): nothing was written.</summary>
    ClaimLost,
    /// <summary>The database stayed away: the ending waits in the local journal.</summary>
    Journaled,
}

/// <summary>
/// Records a run's end (docs/decisions/010-run-fencing.md). The run's row ends only while it is live, and the export
/// changes (its state for the next run, the release of its guard) only while this run's claim still holds it — both in
/// one transaction. A database that fails is tried again with back-off; then the ending goes to the local journal and is
/// recorded when the database returns, so a run its node knows has ended is never left "running".
/// </summary>
internal sealed partial class RunFinisher(IServiceScopeFactory scopes, RunJournal journal, DatabaseWrites writes, TimeProvider time,
    RunMetrics metrics, IEnumerable<IRunEndListener> listeners, ILogger<RunFinisher> logger)
{
    private static readonly TimeSpan[] Backoff = [.. new[] { 0.5, 1, 2, 4, 8 }.Select(TimeSpan.FromSeconds)];

    public async Task<EndingRecorded> FinishAsync(RunEnding ending)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var recorded = await RecordAsync(ending, replay: false) ? EndingRecorded.Recorded : EndingRecorded.ClaimLost;
                writes.Recovered();
                return recorded;
            }
            catch (Exception e)
            {
                writes.Failed("run endings", e);
                if (attempt >= Backoff.Length)
                {
                    journal.Save(ending);
                    LogJournaled(logger, e, ending.RunId, (int)ending.Status);
                    return EndingRecorded.Journaled;
                }
                LogRetrying(logger, ending.RunId, attempt + 1, e.GetBaseException().Message);
                await Task.Delay(Backoff[attempt], time);
            }
        }
    }

    /// <summary>Records the journal's endings while the database takes them; how many were recorded.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        journal.Persist();
        var recorded = 0;
        foreach (var ending in journal.Load())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var applied = await RecordAsync(ending, replay: true);
                journal.Remove(ending.RunId);
                writes.Recovered();
                LogReplayed(logger, ending.RunId, (int)ending.Status, applied);
                recorded++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                writes.Failed("run endings", e);
                LogReplayFailed(logger, ending.RunId, e.GetBaseException().Message);
                break;
            }
        }
        return recorded;
    }

    /// <summary>
    /// Live: the run must be live and its claim must hold the export. Replayed (from the journal): the run may also have
    /// been recorded as 102 meanwhile (its heartbeat went quiet), which its true ending replaces; the export's state
    /// changes only if nobody claimed it since.
    /// </summary>
    private async Task<bool> RecordAsync(RunEnding ending, bool replay)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var seen = await db.Runs.AsNoTracking().Where(r => r.Id == ending.RunId).Select(r => new { r.Status, r.EndedAt }).SingleOrDefaultAsync();
        if (seen is null) return false;
        if (replay && seen.Status == ending.Status && seen.EndedAt == ending.EndedAt) return true;

        var runs = db.Runs.Where(r => r.Id == ending.RunId);
        runs = replay
            ? runs.Where(r => r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running || r.Status == StatusCode.ExecutionNotComplete)
            : runs.Where(r => r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running);
        if (await runs.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ending.Status).SetProperty(r => r.EndedAt, ending.EndedAt)) == 0)
            return false;
        var owns = false;
        if (ending.Generation is { } generation)
        {
            var held = db.Exports.Where(e => e.Id == ending.ExportId && e.ClaimGeneration == generation);
            owns = replay
                ? await held.ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, e => e.ActiveRunId == ending.RunId ? null : e.ActiveRunId)) == 1
                : await held.Where(e => e.ActiveRunId == ending.RunId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, (long?)null)) == 1;
            if (!owns && !replay) return false;
        }

        var run = await db.Runs.SingleAsync(r => r.Id == ending.RunId);
        ending.ApplyTo(run);
        await AddRecordsAsync(db, ending);
        var export = await db.Exports.SingleAsync(e => e.Id == ending.ExportId);
        var duration = run.StartedAt is { } started ? (ending.EndedAt - started).TotalSeconds : 0;
        // A dry run leaves the export as it found it: where its parts are, and its last run (docs/dry-runs.md).
        var dryRun = run.Kind == RunKind.DryRun;
        if (!dryRun)
            export.RecordRun(new LastRun(ending.RunId, run.Status, run.StartedAt ?? run.CreatedAt, duration, run.BytesDone + run.ImageBytesDone),
                owns ? ending.Position() : null, time.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        RunLog.Ended(logger, ending.RunId, ending.ExportId, run.Node ?? "", (int)run.Status, duration, run.FilesDone,
            run.BytesDone + run.ImageBytesDone, run.Message ?? "");
        metrics.Finished(export.Kind, run.Status, run.StartedAt is null ? null : TimeSpan.FromSeconds(duration));
        if (dryRun) return true; // seen by the person who asked for it: no notices, no daily totals
        foreach (var listener in listeners) listener.RunEnded(ending.RunId, ending.ExportId, run.Status);
        try
        {
            await RunStatistics.AddAsync(db, export, run, ending.EndedAt, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogStatisticsFailed(logger, e, ending.RunId);
        }
        return true;
    }

    /// <summary>The stages, file and image records no save wrote while the run went; those an unsure save did write are left out.</summary>
    private static async Task AddRecordsAsync(PortalDbContext db, RunEnding ending)
    {
        db.RunStages.AddRange(ending.PendingStages.Select(s => new RunStage { RunId = ending.RunId, Code = s.Code, At = s.At }));
        db.RunStages.Add(new RunStage { RunId = ending.RunId, Code = ending.Status, At = ending.EndedAt });
        if (ending.PendingFiles.Count > 0)
        {
            var saved = new HashSet<string>(StringComparer.Ordinal);
            foreach (var batch in ending.PendingFiles.Select(f => f.Path).Chunk(500))
                saved.UnionWith(await db.RunFiles.Where(f => f.RunId == ending.RunId && batch.Contains(f.Path)).Select(f => f.Path).ToListAsync());
            db.RunFiles.AddRange(ending.RunFiles().Where(f => !saved.Contains(f.Path)));
        }
        db.RunImages.AddRange(ending.PendingImages.Select(i => new RunImage { RunId = ending.RunId, Reference = i.Reference, Digest = i.Digest, Size = i.Size }));
        if (ending.Image?.Layers is { Count: > 0 } layers)
        {
            // The recorder saved most of them while the run went; the result holds every one, so only the rest are added.
            var saved = (await db.RunLayers.Where(l => l.RunId == ending.RunId).Select(l => l.Digest).ToListAsync()).ToHashSet(StringComparer.Ordinal);
            db.RunLayers.AddRange(layers.Where(l => saved.Add(l.Digest)).Select(l => l.ToRecord(ending.RunId)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the end of run {RunId} (try {Attempt}); trying again: {Error}")]
    private static partial void LogRetrying(ILogger logger, long runId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Could not record the end of run {RunId} ({Status}); it is kept in the local journal and recorded when the database returns")]
    private static partial void LogJournaled(ILogger logger, Exception exception, long runId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "The journaled end of run {RunId} ({Status}) reached the database (applied: {Applied})")]
    private static partial void LogReplayed(ILogger logger, long runId, int status, bool applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The journaled end of run {RunId} still cannot be recorded: {Error}")]
    private static partial void LogReplayFailed(ILogger logger, long runId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not add run {RunId} to the daily statistics")]
    private static partial void LogStatisticsFailed(ILogger logger, Exception exception, long runId);
}
