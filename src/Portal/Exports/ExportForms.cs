using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Exports;

/// <summary>The export editor's form: checked while a person types, and saved (created or changed) once it passes.</summary>
public sealed class ExportForms(ExportValidator validator, ExportStore exports, TimeProvider time)
{
    public Task<ExportValidation> ValidateAsync(PortalUser user, int? id, ExportForm form, CancellationToken cancellationToken) =>
        validator.ValidateAsync(user, id, form, cancellationToken);

    public async Task<SaveResult> SaveAsync(PortalUser user, int? id, ExportForm form, CancellationToken cancellationToken)
    {
        Export? export = null;
        if (id is { } existing && (export = await exports.FindAsync(user, existing, cancellationToken)) is null)
            return SaveResult.Missing("This export does not exist.");
        if (export?.Archived == true) return SaveResult.Invalid("", "An archived export cannot be changed.");

        var validation = await validator.ValidateAsync(user, id, form, cancellationToken);
        if (!validation.IsValid) return SaveResult.Invalid(validation.Errors);

        var now = time.GetUtcNow();
        export ??= Export.Create(form.Kind, user.Id, form.DominoDeploymentId, "", "", form.Schedule, now);
        export.Apply(form, now);
        await exports.SaveAsync(export, cancellationToken);
        return SaveResult.Ok(export.Id, validation.Warnings);
    }
}
