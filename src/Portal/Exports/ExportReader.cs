using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Data;
using Portal.Domain.Images;
using Portal.Domain.Schedules;

namespace Portal.Exports;

/// <summary>An export's page and the editor's choices.</summary>
public sealed class ExportReader(PortalDbContext db, ImageExportPlanner planner)
{
    public async Task<ExportDetails?> GetAsync(PortalUser user, int id, CancellationToken cancellationToken)
    {
        var export = await db.Exports.VisibleTo(user).AsNoTracking()
            .Include(e => e.Owner).Include(e => e.DominoDeployment).Include(e => e.S3Destination)
            .Include(e => e.RegistryDestination).Include(e => e.Template)
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (export is null) return null;
        var summary = await db.Exports.Where(e => e.Id == id).ToSummaries().SingleAsync(cancellationToken);
        return new ExportDetails
        {
            Summary = summary.Named(),
            Form = ToForm(export),
            DeploymentName = export.DominoDeployment!.Name,
            S3TargetName = export.S3Destination?.Name,
            RegistryName = export.RegistryDestination?.Name,
            TemplateName = export.Template?.Name,
            FilesLocation = export.FilesLocation,
            LastCommitId = export.FilesCommitId,
            LastEnvironment = export.ImageEnvironmentId is null ? null : $"{export.ImageEnvironmentId} v{export.ImageRevision}",
            CreatedAt = export.CreatedAt,
            UpdatedAt = export.UpdatedAt,
        };
    }

    public async Task<ExportFormOptions> FormOptionsAsync(PortalUser user, CancellationToken cancellationToken) => new(
        await db.DominoDeployments.OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.S3Destinations.OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.RegistryDestinations.OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await TemplateOptionsAsync(cancellationToken),
        SchedulePresets.All.Select(p => new SchedulePresetDto(p.Name, p.Cron)).ToList(),
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Prepend("UTC").Distinct().ToList(),
        await db.DominoApiKeys.Where(k => k.UserId == user.Id).Select(k => k.DominoDeploymentId).ToListAsync(cancellationToken));

    private async Task<IReadOnlyList<TemplateOption>> TemplateOptionsAsync(CancellationToken cancellationToken) =>
        (await db.DockerfileTemplates.OrderByDescending(t => t.IsStandard).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.IsStandard, t.Content }).ToListAsync(cancellationToken))
        .Select(t => planner.Plan(t.Content) is { } plan
            ? new TemplateOption(t.Id, t.Name, t.IsStandard, plan.Path.ToString(), plan.Reason)
            : new TemplateOption(t.Id, t.Name, t.IsStandard))
        .ToList();

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
        VerifySchedule = e.VerifySchedule,
        Enabled = e.Enabled,
    };
}
