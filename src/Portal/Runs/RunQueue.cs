using Hangfire;
using Portal.Data;

namespace Portal.Runs;

/// <summary>The one way to queue a run outside the schedule ("Run now", the API, a v1 create): a numbered run (220) and the job that runs it.</summary>
public sealed class RunQueue(RunStore runs, IBackgroundJobClient jobs, PortalDbContext db)
{
    /// <param name="force">Export even when nothing changed; the force travels with the job (<see cref="ExportJob.RunForcedAsync"/>).</param>
    public async Task<Run> QueueAsync(int exportId, RunTrigger trigger, string? triggeredBy, CancellationToken cancellationToken, bool force = false)
    {
        var run = await runs.CreateAsync(exportId, trigger, triggeredBy, cancellationToken);
        run.JobId = force
            ? jobs.Enqueue<ExportJob>(job => job.RunForcedAsync(run.Id, CancellationToken.None))
            : jobs.Enqueue<ExportJob>(job => job.RunAsync(run.Id, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
