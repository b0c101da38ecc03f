using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Audit;

/// <summary>Deletes audit entries older than <c>Audit:Retention</c>.</summary>
public sealed class AuditPruneJob(PortalDbContext db, IOptions<AuditOptions> options, TimeProvider time)
{
    public const string JobId = "maintenance:audit-prune";

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
