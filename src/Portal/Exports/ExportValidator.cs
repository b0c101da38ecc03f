using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Schedules;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Exports;

/// <summary>
/// The checks an export form passes before it is saved — the same ones while a person types and on save:
/// the original's naming rule (136/137) and conflict rules (133/134), whether the key may export the project
/// (131/132, asked of Domino), the parts and their targets, the schedule.
/// </summary>
public sealed partial class ExportValidator(PortalDbContext db, ProjectAccessCheck access, IOptions<ExportsOptions> options, TimeProvider time)
{
    public async Task<ExportValidation> ValidateAsync(PortalUser user, int? id, ExportForm form, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        // Lengths and characters first: a form that breaks them goes no further (not to Domino, not to the database).
        var errors = Validation.Of(form);
        if (errors.Count > 0) return new ExportValidation(errors, warnings, []);

        var ownerId = await OwnerIdAsync(user, id, cancellationToken);
        var hasKey = false;
        if (!await db.DominoDeployments.AnyAsync(d => d.Id == form.DominoDeploymentId, cancellationToken))
            errors.Add(nameof(form.DominoDeploymentId), "Choose a Domino deployment.");
        else if (!(hasKey = await db.DominoApiKeys.AnyAsync(k => k.UserId == ownerId && k.DominoDeploymentId == form.DominoDeploymentId, cancellationToken)))
            errors.Add(nameof(form.DominoDeploymentId), "Store your Domino API key for this deployment on your profile page first.");

        if (form.Kind == ExportKind.Project)
        {
            if (string.IsNullOrWhiteSpace(form.DominoOwnerName)) errors.Add(nameof(form.DominoOwnerName), "Choose the project's owner.");
            if (string.IsNullOrWhiteSpace(form.DominoProjectName)) errors.Add(nameof(form.DominoProjectName), "Choose the project.");
            if (!form.ExportFiles && !form.ExportImage)
                errors.Add(nameof(form.ExportFiles), "Export the files, the environment image, or both.");
            if (hasKey && !string.IsNullOrWhiteSpace(form.DominoOwnerName) && !string.IsNullOrWhiteSpace(form.DominoProjectName)
                && await access.RefusalAsync(ownerId, form.DominoDeploymentId, form.DominoOwnerName, form.DominoProjectName, cancellationToken)
                    is { } refusal)
                errors.Add(nameof(form.DominoProjectName), refusal);
        }
        else if (string.IsNullOrWhiteSpace(form.EnvironmentId))
        {
            errors.Add(nameof(form.EnvironmentId), "Enter the compute environment's id.");
        }

        var group = CheckName(form.GroupName, nameof(form.GroupName), StatusCode.APIInvalidExportGroupName, "Export Group Name", errors, warnings);
        var project = CheckName(form.ProjectName, nameof(form.ProjectName), StatusCode.APIInvalidExportProjectName, "Export Project Name", errors, warnings);

        var filesOn = form.CopiesFiles;
        var imageOn = form.PushesImage;
        if (filesOn && !await db.S3Destinations.AnyAsync(d => d.Id == form.S3TargetId, cancellationToken))
            errors.Add(nameof(form.S3TargetId), "Choose the S3 target the files go to.");
        if (imageOn && !await db.RegistryDestinations.AnyAsync(d => d.Id == form.RegistryTargetId, cancellationToken))
            errors.Add(nameof(form.RegistryTargetId), "Choose the registry the image goes to.");
        if (imageOn && form.TemplateId is { } templateId && !await db.DockerfileTemplates.AnyAsync(t => t.Id == templateId, cancellationToken))
            errors.Add(nameof(form.TemplateId), "This template no longer exists.");

        IReadOnlyList<DateTimeOffset> next = [];
        if (ExportSchedule.TryParse(form.Schedule, form.TimeZone, out var schedule, out var scheduleError))
            next = schedule.NextOccurrences(time.GetUtcNow(), 5);
        else
            errors.Add(scheduleError.StartsWith("Unknown time zone", StringComparison.Ordinal) ? nameof(form.TimeZone) : nameof(form.Schedule), scheduleError);

        CheckVerifySchedule(form, errors);
        if (group is not null && project is not null)
            await CheckConflictsAsync(id, form, group, project, errors, cancellationToken);

        return new ExportValidation(errors, warnings, next);
    }

    private static void CheckVerifySchedule(ExportForm form, Validation errors)
    {
        if (string.IsNullOrWhiteSpace(form.VerifySchedule)) return;
        if (!form.CopiesFiles)
            errors.Add(nameof(form.VerifySchedule), "Only an export that copies files to S3 has a snapshot to verify: leave the verify schedule empty.");
        else if (!ExportSchedule.TryParse(form.VerifySchedule, form.TimeZone, out _, out var error)
                 && !error.StartsWith("Unknown time zone", StringComparison.Ordinal))
            errors.Add(nameof(form.VerifySchedule), error);
    }

    private static string? CheckName(string? name, string field, StatusCode code, string label, Validation errors, List<string> warnings)
    {
        if (!ExportNames.TryNormalize(name?.Trim(), out var normalized, out var lowered))
        {
            errors.Add(field, string.IsNullOrWhiteSpace(name) ? $"Enter the {label}." : code.Describe());
            return null;
        }
        if (lowered)
            warnings.Add($"The {label} will be converted to lower case (\"{normalized}\") to comply with Docker Registry standards.");
        return normalized;
    }

    // An admin editing someone else's export checks the owner's key: runs use the owner's.
    private async Task<string> OwnerIdAsync(PortalUser user, int? id, CancellationToken cancellationToken) => id is { } existing
        ? await db.Exports.Where(e => e.Id == existing).Select(e => e.OwnerId).SingleOrDefaultAsync(cancellationToken) ?? user.Id
        : user.Id;
}
