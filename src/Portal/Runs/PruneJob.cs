using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Exports;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>Deletes runs (with their stages, files and images) and health checks older than <c>Exports:HistoryDays</c>.</summary>
public sealed class PruneJob(PortalDbContext db, IOptions<ExportsOptions> options, TimeProvider time)
{
    public const string JobId = "maintenance:prune";
    private const int Batch = 1000;

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        // UTC on both sides (the original compared local time with UTC).
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.HistoryDays);
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Finished runs only; an export's last run stays, so its page keeps a status.
            var ids = await db.Runs
                .Where(r => r.CreatedAt < cutoff && r.Status != StatusCode.Scheduled && r.Status != StatusCode.Initializing
                            && r.Status < StatusCode.Running && !db.Exports.Any(e => e.LastRunId == r.Id || e.ActiveRunId == r.Id))
                .OrderBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count == 0) break;
            await db.RunFiles.Where(f => ids.Contains(f.RunId)).ExecuteDeleteAsync(cancellationToken);
            await db.RunStages.Where(s => ids.Contains(s.RunId)).ExecuteDeleteAsync(cancellationToken);
            await db.RunImages.Where(i => ids.Contains(i.RunId)).ExecuteDeleteAsync(cancellationToken);
            await db.RunLayers.Where(l => ids.Contains(l.RunId)).ExecuteDeleteAsync(cancellationToken);
            total += await db.Runs.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        await db.ComponentChecks.Where(c => c.CheckedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.RunDailyStats.Where(s => s.Day < DateOnly.FromDateTime(cutoff.UtcDateTime.AddDays(-365))).ExecuteDeleteAsync(cancellationToken);
        return total;
    }
}
