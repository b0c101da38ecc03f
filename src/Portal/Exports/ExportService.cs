using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Client.Exports;
using Portal.Client.Shared;
using Portal.Data;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.Schedules;
using Portal.Runs;
using Portal.Security;

namespace Portal.Exports;

/// <summary>
/// Exports as people manage them: users their own, admins all. Every change goes to Hangfire at once
/// (<see cref="ExportScheduleSync"/>); "Run now" queues a run and returns its id.
/// </summary>
public sealed class ExportService(
    PortalDbContext db,
    ExportValidator validator,
    ExportScheduleSync schedules,
    RunStore runs,
    IBackgroundJobClient jobs,
    IDominoClientFactory domino,
    ISecretProtector secrets,
    TimeProvider time)
{
    public async Task<Page<ExportSummary>> ListAsync(PortalUser user, ExportQuery query, CancellationToken cancellationToken)
    {
        var exports = Visible(user);
        if (!query.IncludeArchived) exports = exports.Where(e => !e.Archived);
        if (user.IsAdmin && !string.IsNullOrEmpty(query.OwnerId)) exports = exports.Where(e => e.OwnerId == query.OwnerId);
        if (query.Kind is { } kind) exports = exports.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToLowerInvariant();
            exports = exports.Where(e => e.GroupName.Contains(s) || e.ProjectName.Contains(s) || e.ExportKey.StartsWith(s)
                                         || (e.DominoOwnerName != null && e.DominoOwnerName.Contains(s))
                                         || (e.DominoProjectName != null && e.DominoProjectName.ToLower().Contains(s))
                                         || (e.EnvironmentId != null && e.EnvironmentId.Contains(s)));
        }
        exports = query.Outcome?.ToLowerInvariant() switch
        {
            "succeeded" => exports.Where(e => e.LastStatus == StatusCode.Completed),
            "failed" => exports.Where(e => e.LastStatus <= (StatusCode)199 && e.LastStatus != StatusCode.ExecutionScheduleTimeout),
            "skipped" => exports.Where(e => e.LastStatus == StatusCode.Skipped || e.LastStatus == StatusCode.ExecutionScheduleTimeout),
            "running" => exports.Where(e => e.ActiveRunId != null),
            "never" => exports.Where(e => e.LastStatus == null),
            "disabled" => exports.Where(e => !e.Enabled),
            _ => exports,
        };
        var total = await exports.CountAsync(cancellationToken);
        exports = (query.SortBy?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => exports.OrderBy(e => e.GroupName).ThenBy(e => e.ProjectName),
            ("name", true) => exports.OrderByDescending(e => e.GroupName).ThenByDescending(e => e.ProjectName),
            ("status", false) => exports.OrderBy(e => e.LastStatus).ThenBy(e => e.Id),
            ("status", true) => exports.OrderByDescending(e => e.LastStatus).ThenBy(e => e.Id),
            ("nextrun", false) => exports.OrderBy(e => e.NextRunAt).ThenBy(e => e.Id),
            ("nextrun", true) => exports.OrderByDescending(e => e.NextRunAt).ThenBy(e => e.Id),
            ("duration", false) => exports.OrderBy(e => e.LastDurationSeconds).ThenBy(e => e.Id),
            ("duration", true) => exports.OrderByDescending(e => e.LastDurationSeconds).ThenBy(e => e.Id),
            ("owner", false) => exports.OrderBy(e => e.Owner!.Email).ThenBy(e => e.Id),
            ("owner", true) => exports.OrderByDescending(e => e.Owner!.Email).ThenBy(e => e.Id),
            ("lastrun", false) => exports.OrderBy(e => e.LastRunAt).ThenBy(e => e.Id),
            _ => exports.OrderByDescending(e => e.LastRunAt).ThenByDescending(e => e.Id),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var items = await Summaries(exports.Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new Page<ExportSummary>(items.Select(Named).ToList(), total);
    }

    public async Task<ExportDetails?> GetAsync(PortalUser user, int id, CancellationToken cancellationToken)
    {
        var export = await Visible(user).AsNoTracking()
            .Include(e => e.Owner).Include(e => e.DominoDeployment).Include(e => e.S3Destination)
            .Include(e => e.RegistryDestination).Include(e => e.Template)
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (export is null) return null;
        var summary = Named(await Summaries(db.Exports.Where(e => e.Id == id)).SingleAsync(cancellationToken));
        return new ExportDetails(summary, ToForm(export), export.DominoDeployment!.Name, export.S3Destination?.Name,
            export.RegistryDestination?.Name, export.Template?.Name, export.FilesLocation, export.FilesCommitId,
            export.ImageEnvironmentId is null ? null : $"{export.ImageEnvironmentId} v{export.ImageRevision}",
            export.CreatedAt, export.UpdatedAt);
    }

    public async Task<ExportFormOptions> FormOptionsAsync(PortalUser user, CancellationToken cancellationToken) => new(
        await db.DominoDeployments.OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.S3Destinations.OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.RegistryDestinations.OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.DockerfileTemplates.OrderByDescending(t => t.IsStandard).ThenBy(t => t.Name).Select(t => new Option(t.Id, t.Name))
            .ToListAsync(cancellationToken),
        SchedulePresets.All.Select(p => new SchedulePresetDto(p.Name, p.Cron)).ToList(),
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Prepend("UTC").Distinct().ToList(),
        await db.DominoApiKeys.Where(k => k.UserId == user.Id).Select(k => k.DominoDeploymentId).ToListAsync(cancellationToken));

    /// <summary>
    /// The projects the user's key can see on a deployment, to pick owner and project from. Whether the key may
    /// export one is only a hint here (null: the list does not say); the form's check asks Domino for the project itself.
    /// </summary>
    public async Task<IReadOnlyList<DominoProjectOption>> DominoProjectsAsync(PortalUser user, int deploymentId, CancellationToken cancellationToken)
    {
        var deployment = await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
        var key = await db.DominoApiKeys.AsNoTracking()
            .Where(k => k.UserId == user.Id && k.DominoDeploymentId == deploymentId).Select(k => k.ProtectedKey).SingleOrDefaultAsync(cancellationToken);
        if (deployment is null || key is null) return [];
        var client = domino.Create(ExportRequests.Domino(deployment), secrets.ForPurpose(SecretPurposes.DominoApiKey).Unprotect(key));
        var projects = await client.ListProjectsAsync(cancellationToken);
        return projects.Select(p => new DominoProjectOption(p.OwnerName, p.Name, p.CanExport)).ToList();
    }

    public Task<ExportValidation> ValidateAsync(PortalUser user, int? id, ExportForm form, CancellationToken cancellationToken) =>
        validator.ValidateAsync(user, id, form, cancellationToken);

    public async Task<SaveResult> SaveAsync(PortalUser user, int? id, ExportForm form, CancellationToken cancellationToken)
    {
        Export? export = null;
        if (id is { } existing && (export = await Visible(user).SingleOrDefaultAsync(e => e.Id == existing, cancellationToken)) is null)
            return SaveResult.Missing("This export does not exist.");
        if (export?.Archived == true) return SaveResult.Invalid("", "An archived export cannot be changed.");

        var validation = await validator.ValidateAsync(user, id, form, cancellationToken);
        if (!validation.IsValid) return SaveResult.Invalid(validation.Errors);

        var now = time.GetUtcNow();
        if (export is null)
        {
            export = new Export
            {
                ExportKey = Guid.NewGuid().ToString("N"),
                OwnerId = user.Id,
                GroupName = "",
                ProjectName = "",
                Schedule = form.Schedule,
                CreatedAt = now,
            };
            db.Exports.Add(export);
        }
        Apply(form, export);
        export.UpdatedAt = now;
        export.NextRunAt = ExportScheduleSync.NextRun(export, now);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(export);
        return SaveResult.Ok(export.Id, validation.Warnings);
    }

    public async Task<SaveResult> SetEnabledAsync(PortalUser user, int id, bool enabled, CancellationToken cancellationToken)
    {
        var export = await Visible(user).SingleOrDefaultAsync(e => e.Id == id && !e.Archived, cancellationToken);
        if (export is null) return SaveResult.Missing("This export does not exist.");
        export.Enabled = enabled;
        export.UpdatedAt = time.GetUtcNow();
        export.NextRunAt = ExportScheduleSync.NextRun(export, export.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(export);
        return SaveResult.Ok(id);
    }

    /// <summary>
    /// Archived exports stop, leave Hangfire, and free their names; their runs stay for the record. A job aborts the
    /// multipart uploads its runs left in S3.
    /// </summary>
    public async Task<SaveResult> ArchiveAsync(PortalUser user, int id, CancellationToken cancellationToken)
    {
        var export = await Visible(user).SingleOrDefaultAsync(e => e.Id == id && !e.Archived, cancellationToken);
        if (export is null) return SaveResult.Missing("This export does not exist.");
        export.Archived = true;
        export.Enabled = false;
        export.ArchivedAt = export.UpdatedAt = time.GetUtcNow();
        export.NextRunAt = null;
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(export);
        if (export.S3DestinationId is not null) jobs.Enqueue<UploadCleanupJob>(j => j.AbortUploadsAsync(id, CancellationToken.None));
        return SaveResult.Ok(id);
    }

    /// <param name="force">Export even when nothing changed since the last export (a skip would otherwise be recorded).</param>
    public async Task<RunStarted> RunNowAsync(PortalUser user, int id, RunTrigger trigger, CancellationToken cancellationToken, bool force = false)
    {
        var export = await Visible(user).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (export is null) return new RunStarted(false, null, "This export does not exist.", NotFound: true);
        if (export.Archived) return new RunStarted(false, null, "An archived export cannot run.");
        var run = await runs.CreateAsync(id, trigger, user.Email, cancellationToken);
        run.JobId = force
            ? jobs.Enqueue<ExportJob>(job => job.RunForcedAsync(run.Id, CancellationToken.None))
            : jobs.Enqueue<ExportJob>(job => job.RunAsync(run.Id, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
        return new RunStarted(true, run.Id, force ? $"Run #{run.Number} is queued; it exports even if nothing changed." : $"Run #{run.Number} is queued.");
    }

    /// <summary>The exports a user may see: their own, or all for admins.</summary>
    public IQueryable<Export> Visible(PortalUser user) => user.IsAdmin ? db.Exports : db.Exports.Where(e => e.OwnerId == user.Id);

    public static ExportForm ToForm(Export e) => new()
    {
        Kind = e.Kind,
        DominoDeploymentId = e.DominoDeploymentId,
        DominoOwnerName = e.DominoOwnerName,
        DominoProjectName = e.DominoProjectName,
        EnvironmentId = e.EnvironmentId,
        GroupName = e.GroupName,
        ProjectName = e.ProjectName,
        ExportFiles = e.ExportFiles,
        ExportImage = e.ExportImage,
        S3TargetId = e.S3DestinationId,
        RegistryTargetId = e.RegistryDestinationId,
        TemplateId = e.TemplateId,
        Schedule = e.Schedule,
        TimeZone = e.TimeZone,
        ForceRun = e.ForceRun,
        Enabled = e.Enabled,
    };

    private static void Apply(ExportForm form, Export export)
    {
        var project = form.Kind == ExportKind.Project;
        var filesOn = project && form.ExportFiles;
        var imageOn = !project || form.ExportImage;
        export.Kind = form.Kind;
        export.DominoDeploymentId = form.DominoDeploymentId;
        // The original stored the owner lower-cased and the project as given.
        export.DominoOwnerName = project ? form.DominoOwnerName!.Trim().ToLowerInvariant() : null;
        export.DominoProjectName = project ? form.DominoProjectName!.Trim() : null;
        export.EnvironmentId = project ? null : form.EnvironmentId!.Trim();
        ExportNames.TryNormalize(form.GroupName.Trim(), out var group, out _);
        ExportNames.TryNormalize(form.ProjectName.Trim(), out var name, out _);
        export.GroupName = group;
        export.ProjectName = name;
        export.ExportFiles = filesOn;
        export.ExportImage = imageOn;
        export.S3DestinationId = filesOn ? form.S3TargetId : null;
        export.RegistryDestinationId = imageOn ? form.RegistryTargetId : null;
        export.TemplateId = imageOn ? form.TemplateId ?? Templates.DockerfileTemplate.StandardId : null;
        export.Schedule = form.Schedule.Trim();
        export.TimeZone = string.IsNullOrWhiteSpace(form.TimeZone) ? "UTC" : form.TimeZone.Trim();
        export.ForceRun = form.ForceRun;
        export.Enabled = form.Enabled;
    }

    private static ExportSummary Named(ExportSummary summary) =>
        summary with { LastStatusName = ((StatusCode?)summary.LastStatus)?.Name() };

    private static IQueryable<ExportSummary> Summaries(IQueryable<Export> exports) => exports.Select(e => new ExportSummary(
        e.Id,
        e.ExportKey,
        e.Kind,
        e.OwnerId,
        e.Owner!.Email ?? "",
        e.Kind == ExportKind.Project ? e.DominoOwnerName + "/" + e.DominoProjectName : "environment " + e.EnvironmentId,
        e.GroupName,
        e.ProjectName,
        e.Enabled,
        e.Archived,
        e.Schedule,
        e.TimeZone,
        (int?)e.LastStatus,
        null,
        e.LastRunId,
        e.LastRunAt,
        e.LastDurationSeconds,
        e.NextRunAt,
        e.ActiveRunId != null));
}
