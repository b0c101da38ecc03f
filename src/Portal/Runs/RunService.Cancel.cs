using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Audit;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Data;
using Portal.Exports;
using Portal.Domain.Runs;

namespace Portal.Runs;

// Cancelling works from any node: the run's own node notices the request.
public sealed partial class RunService
{
    /// <summary>Asks the node running it to stop: the run notices within a progress interval and ends as 104.</summary>
    public async Task<SaveResult> CancelAsync(PortalUser user, long runId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.VisibleTo(user).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null) return SaveResult.Missing("This run does not exist.");
        if (run.Status.IsFinished()) return SaveResult.Invalid("", $"The run has already ended ({run.Status.Name()}).");
        run.CancelRequested = true;
        run.CancelledBy = user.Email;
        if (run.Status == StatusCode.Scheduled)
        {
            // Not started yet: it will never start.
            run.Status = StatusCode.ExecutionCancelled;
            run.Message = $"Cancelled by {user.Email} before it started";
            run.EndedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        var export = await db.Exports.AsNoTracking().Where(e => e.Id == run.ExportId).Select(e => e.GroupName + "/" + e.ProjectName)
            .SingleOrDefaultAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.RunCancel, AuditObject.Export(run.ExportId, export ?? $"export {run.ExportId}"),
            $"run #{run.Number} cancelled", cancellationToken: cancellationToken);
        return SaveResult.Ok((int)Math.Min(runId, int.MaxValue));
    }
}
