using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Runs;

/// <summary>
/// The one way to queue a run outside the schedule ("Run now", the API, a v1 create): a numbered run (220) and the job
/// that runs it, on the Hangfire queue its export needs (<see cref="JobQueues"/>).
/// </summary>
public sealed class RunQueue(RunStore runs, IBackgroundJobClient jobs, JobQueues queues, PortalDbContext db)
{
    /// <param name="force">Export even when nothing changed; the force travels with the job (<see cref="ExportJob.RunForcedAsync"/>).</param>
    public async Task<Run> QueueAsync(int exportId, RunTrigger trigger, string? triggeredBy, CancellationToken cancellationToken,
        bool force = false, RunKind kind = RunKind.Export, long? resumes = null)
    {
        var export = await db.Exports.AsNoTracking().Include(e => e.Template).SingleAsync(e => e.Id == exportId, cancellationToken);
        var run = await runs.CreateAsync(exportId, trigger, triggeredBy, null, cancellationToken, kind, resumes);
        var queue = queues.For(export);
        run.JobId = force
            ? jobs.Enqueue<ExportJob>(queue, job => job.RunForcedAsync(run.Id, CancellationToken.None))
            : jobs.Enqueue<ExportJob>(queue, job => job.RunAsync(run.Id, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
