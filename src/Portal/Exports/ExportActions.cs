using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Audit;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Data;
using Portal.Runs;

namespace Portal.Exports;

/// <summary>The buttons on an export: enable, disable, archive, restore, run now, verify, dry run, and resume on a failed run.</summary>
public sealed class ExportActions(ExportStore exports, RunQueue runs, PortalDbContext db, AuditLog audit, ExportValidator validator,
    TimeProvider time)
{
    public async Task<SaveResult> SetEnabledAsync(PortalUser user, int id, bool enabled, CancellationToken cancellationToken)
    {
        var export = await exports.FindAsync(user, id, cancellationToken);
        if (export is null || export.Archived) return SaveResult.Missing("This export does not exist.");
        export.SetEnabled(enabled, time.GetUtcNow());
        await exports.SaveAsync(export, cancellationToken, enabled ? AuditActions.ExportEnable : AuditActions.ExportDisable);
        return SaveResult.Ok(id);
    }

    public async Task<SaveResult> ArchiveAsync(PortalUser user, int id, CancellationToken cancellationToken)
    {
        var export = await exports.FindAsync(user, id, cancellationToken);
        if (export is null || export.Archived) return SaveResult.Missing("This export does not exist.");
        await exports.ArchiveAsync(export, cancellationToken);
        return SaveResult.Ok(id);
    }

    /// <summary>
    /// Brings an archived export back, disabled (Export.Restore says why); refused while another export holds its names
    /// or its Domino project, since archiving freed them.
    /// </summary>
    public async Task<SaveResult> RestoreAsync(PortalUser user, int id, CancellationToken cancellationToken)
    {
        var export = await exports.FindAsync(user, id, cancellationToken);
        if (export is null) return SaveResult.Missing("This export does not exist.");
        if (!export.Archived) return SaveResult.Conflicting("This export is not archived, so there is nothing to restore.");
        if (await validator.FindConflictAsync(id, export.Kind, export.DominoDeploymentId, export.DominoOwnerName, export.DominoProjectName,
                export.GroupName, export.ProjectName, cancellationToken) is { } conflict)
            return SaveResult.Conflicting($"It cannot come back while another export uses its place: {conflict.Describe()} "
                                          + "Archive or rename that export first.");
        export.Restore(time.GetUtcNow());
        await exports.SaveAsync(export, cancellationToken, AuditActions.ExportRestore);
        return SaveResult.Ok(id);
    }

    /// <param name="force">Export even when nothing changed since the last export (a skip would otherwise be recorded).</param>
    public async Task<RunStarted> RunNowAsync(PortalUser user, int id, RunTrigger trigger, CancellationToken cancellationToken, bool force = false)
    {
        var export = await db.Exports.VisibleTo(user).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (export is null) return new RunStarted(false, null, "This export does not exist.", NotFound: true);
        if (export.Archived) return new RunStarted(false, null, "An archived export cannot run.");
        var run = await runs.QueueAsync(id, trigger, user.Email, cancellationToken, force);
        await audit.RecordAsync(force ? AuditActions.ExportRunAnyway : AuditActions.ExportRunNow, ExportAudit.Object(export),
            $"run #{run.Number} queued", cancellationToken: cancellationToken);
        return new RunStarted(true, run.Id, force ? $"Run #{run.Number} is queued; it exports even if nothing changed." : $"Run #{run.Number} is queued.");
    }

    /// <summary>"Verify": a run that reads the export's latest snapshot back from S3 and compares it with its manifest; it writes nothing.</summary>
    public async Task<RunStarted> VerifyNowAsync(PortalUser user, int id, RunTrigger trigger, CancellationToken cancellationToken)
    {
        var export = await db.Exports.VisibleTo(user).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (export is null) return new RunStarted(false, null, "This export does not exist.", NotFound: true);
        if (export.Archived) return new RunStarted(false, null, "An archived export cannot be verified.");
        if (export.Kind != ExportKind.Project || !export.ExportFiles || export.S3DestinationId is null)
            return new RunStarted(false, null, "This export writes no files to S3, so it has no snapshot to verify.");
        var run = await runs.QueueAsync(id, trigger, user.Email, cancellationToken, kind: RunKind.Verify);
        await audit.RecordAsync(AuditActions.ExportVerify, ExportAudit.Object(export), $"verify run #{run.Number} queued",
            cancellationToken: cancellationToken);
        return new RunStarted(true, run.Id, $"Verify run #{run.Number} is queued.");
    }

    /// <summary>"Dry run": a run that plans the files part as a real run would and records the plan; it writes nothing to S3.</summary>
    public async Task<RunStarted> DryRunAsync(PortalUser user, int id, RunTrigger trigger, CancellationToken cancellationToken)
    {
        var export = await db.Exports.VisibleTo(user).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (export is null) return new RunStarted(false, null, "This export does not exist.", NotFound: true);
        if (export.Archived) return new RunStarted(false, null, "An archived export cannot run.");
        if (export.Kind != ExportKind.Project || !export.ExportFiles || export.S3DestinationId is null)
            return new RunStarted(false, null, "This export writes no files to S3, so a dry run has nothing to plan.");
        var run = await runs.QueueAsync(id, trigger, user.Email, cancellationToken, kind: RunKind.DryRun);
        await audit.RecordAsync(AuditActions.ExportDryRun, ExportAudit.Object(export), $"dry run #{run.Number} queued",
            cancellationToken: cancellationToken);
        return new RunStarted(true, run.Id, $"Dry run #{run.Number} is queued.");
    }

    /// <summary>"Resume" on a failed run: a run that completes its commit's snapshot, moving only the files still missing (<see cref="RunResumption"/>).</summary>
    public async Task<RunStarted> ResumeAsync(PortalUser user, long runId, RunTrigger trigger, CancellationToken cancellationToken)
    {
        var failed = await db.Runs.VisibleTo(user).Include(r => r.Export).AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (failed?.Export is not { } export) return new RunStarted(false, null, "This run does not exist.", NotFound: true);
        if (export.Archived) return new RunStarted(false, null, "An archived export cannot run.");
        if (await RunResumption.RefusalAsync(db, failed, cancellationToken) is { } refusal) return new RunStarted(false, null, refusal);
        var run = await runs.QueueAsync(export.Id, trigger, user.Email, cancellationToken, resumes: failed.Id);
        await audit.RecordAsync(AuditActions.ExportResume, ExportAudit.Object(export), $"run #{run.Number} queued to resume run #{failed.Number}",
            cancellationToken: cancellationToken);
        return new RunStarted(true, run.Id, $"Run #{run.Number} is queued: it completes commit {failed.CommitId} from where run #{failed.Number} stopped.");
    }
}
