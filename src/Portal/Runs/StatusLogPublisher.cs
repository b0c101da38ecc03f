using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Files;
using Portal.Domain.StatusLogs;
using Portal.Exports;
using Portal.V1;
using Portal.Contracts.Exports;

namespace Portal.Runs;

/// <summary>
/// After a run with a files part: rewrites the export's sync-status.log (its last runs, failed ones
/// included — the original wrote successes only) and the exports-status.log of its S3 target.
/// </summary>
public sealed class StatusLogPublisher(PortalDbContext db, ExportRequests requests, StatusLogWriter writer,
    IOptions<ExportsOptions> options, TimeProvider time)
{
    public async Task PublishAsync(int exportId, CancellationToken cancellationToken)
    {
        var export = await requests.LoadAsync(exportId, cancellationToken);
        if (export?.S3Destination is not { } destination || export.Kind != ExportKind.Project || !export.ExportFiles) return;
        var now = time.GetUtcNow();
        var target = requests.S3(destination);

        var runs = await db.Runs.AsNoTracking().Include(r => r.Images)
            .Where(r => r.ExportId == exportId && r.Status != Contracts.Runs.StatusCode.Scheduled && r.Status != Contracts.Runs.StatusCode.Skipped)
            .OrderByDescending(r => r.Id)
            .Take(options.Value.StatusLogRecords)
            .ToListAsync(cancellationToken);
        var records = runs.Select(r => V1StatusRecords.ForRun(export, r, r.Images, now)).ToList();
        var layout = new ExportLayout(target, export.GroupName, export.ProjectName);
        await writer.WriteSyncLogAsync(layout, records, cancellationToken, options.Value.StatusLogRecords);

        // One line per export writing to the same bucket and prefix, with its newest finished run.
        var siblings = await db.Exports.AsNoTracking()
            .Where(e => !e.Archived && e.Kind == ExportKind.Project && e.ExportFiles && e.S3DestinationId == destination.Id)
            .Select(e => new
            {
                e.ExportKey,
                e.GroupName,
                e.ProjectName,
                e.UpdatedAt,
                Last = db.Runs.Where(r => r.ExportId == e.Id && r.Status != Contracts.Runs.StatusCode.Scheduled
                        && r.Status != Contracts.Runs.StatusCode.Skipped && r.Status != Contracts.Runs.StatusCode.Initializing
                        && r.Status < Contracts.Runs.StatusCode.Running)
                    .OrderByDescending(r => r.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var lines = siblings.Select(s => s.Last is null
            ? new ExportsStatusRecord(s.UpdatedAt.UtcDateTime, s.ExportKey, V1StatusRecords.Scheduled, null)
            : new ExportsStatusRecord((s.Last.StartedAt ?? s.Last.CreatedAt).UtcDateTime, s.ExportKey, V1StatusRecords.StatusOf(s.Last),
                new ExportLayout(target, s.GroupName, s.ProjectName).SyncLogUrl));
        await writer.WriteExportsLogAsync(target, lines, cancellationToken);
    }
}
