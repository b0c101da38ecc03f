using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Audit;
using Portal.Data;
using Portal.Runs;

namespace Portal.Exports;

/// <summary>Where changed exports go: saved, then their Hangfire schedule brought in line (every node sees the change at once).</summary>
public sealed class ExportStore(PortalDbContext db, ExportScheduleSync schedules, IBackgroundJobClient jobs, AuditLog audit, TimeProvider time)
{
    /// <summary>An export the user may change, tracked; null when it does not exist for them.</summary>
    public Task<Export?> FindAsync(PortalUser user, int id, CancellationToken cancellationToken) =>
        db.Exports.VisibleTo(user).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>Whether the export exists for the user (ExportAccess), without loading it.</summary>
    public Task<bool> ExistsForAsync(PortalUser user, int id, CancellationToken cancellationToken) =>
        db.Exports.VisibleTo(user).AnyAsync(e => e.Id == id, cancellationToken);

    /// <summary>
    /// Archives an export (the page, the API and the v1 API alike) and saves it. A job aborts the multipart uploads
    /// its runs left in S3.
    /// </summary>
    public async Task ArchiveAsync(Export export, CancellationToken cancellationToken)
    {
        export.Archive(time.GetUtcNow());
        await SaveAsync(export, cancellationToken, AuditActions.ExportArchive);
        var id = export.Id;
        if (export.S3DestinationId is not null) jobs.Enqueue<UploadCleanupJob>(j => j.AbortUploadsAsync(id, CancellationToken.None));
    }

    /// <summary>
    /// Saves a new or changed export and records it in the audit log with what changed (from the values it was loaded
    /// with), as <paramref name="action"/> or else as created or updated.
    /// </summary>
    public async Task SaveAsync(Export export, CancellationToken cancellationToken, string? action = null)
    {
        var entry = db.Entry(export);
        var created = entry.State == EntityState.Detached;
        var before = created ? null : ExportAudit.Snapshot((Export)entry.OriginalValues.ToObject());
        if (created) db.Exports.Add(export);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(export);
        await audit.RecordAsync(action ?? (created ? AuditActions.ExportCreate : AuditActions.ExportUpdate), ExportAudit.Object(export),
            AuditChanges.Between(before, ExportAudit.Snapshot(export)), cancellationToken);
    }
}
