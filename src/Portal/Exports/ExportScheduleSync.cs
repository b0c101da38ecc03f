using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Schedules;
using Portal.Runs;
using Portal.Jobs;

namespace Portal.Exports;

/// <summary>
/// Keeps one Hangfire recurring job per active export (id <c>export:{id}</c>), and one per verify schedule
/// (<c>verify:{id}</c>, on the default queue: it reads S3 only), in step with the database:
/// created, changed and removed with the export, and rebuilt at start-up (the embedded default keeps
/// Hangfire in memory, so a restart starts from nothing). Several nodes may do this at once (one starting
/// while another saves an export): both steps hold one distributed lock and read the export's row inside
/// it, so the last writer always writes what the database says.
/// </summary>
public sealed class ExportScheduleSync(IRecurringJobManager recurringJobs, JobStorage storage, PortalDbContext db, JobQueues queues, TimeProvider time)
{
    public const string JobPrefix = "export:";
    public const string VerifyJobPrefix = "verify:";
    private const string LockResource = "portal:export-schedules";

    public static string JobId(int exportId) => JobPrefix + exportId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string VerifyJobId(int exportId) => VerifyJobPrefix + exportId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Brings the export's recurring job in line with its row (call after saving it).</summary>
    public void Apply(Export export)
    {
        using var held = DistributedLocks.Acquire(storage, LockResource);
        var current = db.Exports.AsNoTracking().Include(e => e.Template).FirstOrDefault(e => e.Id == export.Id);
        if (current is null)
        {
            recurringJobs.RemoveIfExists(JobId(export.Id));
            recurringJobs.RemoveIfExists(VerifyJobId(export.Id));
        }
        else
        {
            ApplyHeld(current);
            ApplyVerifyHeld(current);
        }
    }

    private void ApplyVerifyHeld(Export export)
    {
        if (export.VerifyScheduleIfActive() is not { } schedule)
        {
            recurringJobs.RemoveIfExists(VerifyJobId(export.Id));
            return;
        }
        recurringJobs.AddOrUpdate<ExportJob>(VerifyJobId(export.Id), JobQueues.Default,
            job => job.VerifyScheduledAsync(export.Id, null, CancellationToken.None), schedule.Cron,
            new RecurringJobOptions { TimeZone = schedule.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
    }

    private void ApplyHeld(Export export)
    {
        if (!export.Enabled || export.Archived || !ExportSchedule.TryParse(export.Schedule, export.TimeZone, out var schedule, out _))
        {
            recurringJobs.RemoveIfExists(JobId(export.Id));
            return;
        }
        recurringJobs.AddOrUpdate<ExportJob>(JobId(export.Id), queues.For(export), job => job.RunScheduledAsync(export.Id, null, CancellationToken.None),
            schedule.Cron, new RecurringJobOptions
            {
                TimeZone = schedule.TimeZone,
                // After downtime: one catch-up run per export, not a burst of every missed tick.
                MisfireHandling = MisfireHandlingMode.Relaxed,
            });
    }

    /// <summary>Makes Hangfire's recurring export jobs match the database exactly.</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        using var held = DistributedLocks.Acquire(storage, LockResource);
        var exports = await db.Exports.AsNoTracking().Include(e => e.Template).Where(e => !e.Archived).ToListAsync(cancellationToken);
        using var connection = storage.GetConnection();
        var existing = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);
        var wanted = new HashSet<string>();
        var now = time.GetUtcNow();
        foreach (var export in exports)
        {
            // A job already as the row says is left alone: with thousands of exports, rewriting each at every
            // start-up costs a storage transaction apiece.
            if (!IsInStep(export, existing.GetValueOrDefault(JobId(export.Id)), queues.For(export))) ApplyHeld(export);
            if (!IsVerifyInStep(export, existing.GetValueOrDefault(VerifyJobId(export.Id)))) ApplyVerifyHeld(export);
            if (export.Enabled) wanted.Add(JobId(export.Id));
            if (export.VerifyScheduleIfActive() is not null) wanted.Add(VerifyJobId(export.Id));
            var next = export.NextRunAfter(now);
            if (next != export.NextRunAt)
                await db.Exports.Where(e => e.Id == export.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.NextRunAt, next), cancellationToken);
        }
        foreach (var job in existing.Values)
            if ((job.Id.StartsWith(JobPrefix, StringComparison.Ordinal) || job.Id.StartsWith(VerifyJobPrefix, StringComparison.Ordinal))
                && !wanted.Contains(job.Id))
                recurringJobs.RemoveIfExists(job.Id);
    }

    private static bool IsVerifyInStep(Export export, RecurringJobDto? job) =>
        export.VerifyScheduleIfActive() is not { } schedule
            ? job is null
            : job is { LoadException: null } && job.Job?.Method.Name == nameof(ExportJob.VerifyScheduledAsync)
              && job.Cron == schedule.Cron && job.TimeZoneId == schedule.TimeZone.Id;

    private static bool IsInStep(Export export, RecurringJobDto? job, string queue)
    {
        if (!export.Enabled || !ExportSchedule.TryParse(export.Schedule, export.TimeZone, out var schedule, out _)) return job is null;
        return job is { LoadException: null } && job.Job?.Method.Name == nameof(ExportJob.RunScheduledAsync)
               && job.Cron == schedule.Cron && job.TimeZoneId == schedule.TimeZone.Id && (job.Job?.Queue ?? job.Queue ?? JobQueues.Default) == queue;
    }
}
