using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Nodes;
using Portal.Runs;

namespace Portal.Health;

/// <summary>
/// Readiness: this node can write to its database, not only read it. Unhealthy when a probe write fails, when the disk
/// holding a SQLite database is full, when this node's run records failed to save and have not been saved since, or when
/// run endings wait in its local journal for the database.
/// </summary>
internal sealed class DatabaseWriteCheck(PortalDbContext db, PortalNode node, DatabaseWrites writes, RunJournal journal,
    IOptions<DatabaseOptions> database, TimeProvider time) : IHealthCheck
{
    /// <summary>Below this much free space a SQLite database cannot be relied on to take a write.</summary>
    private const long MinimumFreeBytes = 1024 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (journal.Pending is > 0 and var pending)
            return HealthCheckResult.Unhealthy($"{pending} run endings wait in this node's journal for the database to take them");
        if (database.Value.Provider == DatabaseProvider.Sqlite && FreeBytes(db.Database.GetDbConnection().DataSource) is < MinimumFreeBytes and var free)
            return HealthCheckResult.Unhealthy($"The disk holding the SQLite database has {free} bytes free");
        if (writes.Failure is { } failure)
            return HealthCheckResult.Unhealthy($"This node's run records could not be saved ({failure})");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var now = time.GetUtcNow();
            if (await db.NodeProbes.Where(p => p.Node == node.Name).ExecuteUpdateAsync(s => s.SetProperty(p => p.At, now), timeout.Token) == 0)
            {
                db.NodeProbes.Add(new NodeProbe { Node = node.Name, At = now });
                await db.SaveChangesAsync(timeout.Token);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database did not take a write: {e.GetBaseException().Message}", e);
        }
    }

    private static long FreeBytes(string databaseFile)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return long.MaxValue;
        }
    }
}
