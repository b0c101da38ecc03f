using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Images;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;
using Portal.Exports;

namespace Portal.Templates;

/// <summary>Dockerfile templates: the first line must be the FROM placeholder; a template in use cannot be deleted; names are unique trimmed.</summary>
public sealed class TemplateService(PortalDbContext db, ImageExportPlanner planner, ExportScheduleSync schedules, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.DockerfileTemplates.AsNoTracking().OrderByDescending(t => t.IsStandard).ThenBy(t => t.Name)
            .Select(t => new TemplateDto(t.Id, t.Name, t.Content, t.IsStandard,
                db.Exports.Count(e => e.TemplateId == t.Id && !e.Archived), t.UpdatedAt, null, null))
            .ToListAsync(cancellationToken))
        .Select(t => planner.Plan(t.Content) is { } plan ? t with { Path = plan.Path.ToString(), PathReason = plan.Reason } : t).ToList();

    public async Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken)
    {
        var errors = Validation.Of(form);
        if (!DockerTemplate.TryCreate(form.Content, out _, out var error))
            errors.Add(nameof(form.Content), error);
        var name = form.Name.Trim();
        if (await db.DockerfileTemplates.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
            errors.Add(nameof(form.Name), $"A template named \"{name}\" already exists.");
        if (errors.Count > 0) return errors.Result();

        var now = time.GetUtcNow();
        var template = id is { } existing
            ? await db.DockerfileTemplates.FindAsync([existing], cancellationToken)
            : db.DockerfileTemplates.Add(new DockerfileTemplate { Name = name, Content = form.Content, CreatedAt = now }).Entity;
        if (template is null) return SaveResult.Missing("This template no longer exists.");
        var before = id is null ? null : AuditSnapshot.Of(template);
        template.Name = name;
        template.Content = form.Content.ReplaceLineEndings("\n");
        template.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(id is null ? AuditActions.TemplateCreate : AuditActions.TemplateUpdate, AuditObject.Template(template.Id, template.Name),
            AuditChanges.Between(before, AuditSnapshot.Of(template)), cancellationToken);
        // An edit can move its exports between a registry copy and a build: their schedules follow to the right queue.
        foreach (var export in await db.Exports.AsNoTracking().Where(e => e.TemplateId == template.Id && !e.Archived).ToListAsync(cancellationToken))
            schedules.Apply(export);
        return SaveResult.Ok(template.Id);
    }

    public async Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var users = await db.Exports.Where(e => e.TemplateId == id && !e.Archived).Select(e => e.GroupName + "/" + e.ProjectName)
            .Take(5).ToListAsync(cancellationToken);
        if (users.Count > 0)
            return SaveResult.Invalid("", $"Exports use this template ({string.Join(", ", users)}): change them first.");
        if (await db.Exports.AnyAsync(e => e.TemplateId == id, cancellationToken))
            await db.Exports.Where(e => e.TemplateId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.TemplateId, (int?)null), cancellationToken);
        var name = await db.DockerfileTemplates.Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        if (await db.DockerfileTemplates.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) != 1)
            return SaveResult.Missing("This template no longer exists.");
        await audit.RecordAsync(AuditActions.TemplateDelete, AuditObject.Template(id, name), cancellationToken: cancellationToken);
        return SaveResult.Ok(id);
    }
}
