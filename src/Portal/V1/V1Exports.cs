using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Data;
using Portal.Exports;
using Portal.Runs;
using Portal.Security;

namespace Portal.V1;

/// <summary>
/// The v1 API's writes: create (V1Exports.Create.cs), update and archive (V1Exports.Update.cs) exports the original
/// way — its checks in its order (V1Checks), its codes and messages (V1Answers) — with the original's bugs left out
/// (docs/v1-compatibility.md): update checks for conflicts too, a disabled export leaves the schedule, unexpected errors
/// are 503. The changes themselves are the export's own rules (Export.Lifecycle.cs).
/// </summary>
public sealed partial class V1Exports(
    PortalDbContext db,
    V1Settings settings,
    ExportValidator validator,
    ExportStore exports,
    RunQueue runs,
    ISecretProtector secrets,
    TimeProvider time)
{
    public const int DefaultFrequencySeconds = 900;
    public const string DefaultImageGroup = "public";
    public const string DefaultImageProject = "domino";

    /// <summary>Export group and project names: the EF model's limit.</summary>
    private const int NameLength = 128;

    public static readonly V1Field[] ProjectCreateFields =
    [
        new("username", V1FieldType.Text, Required: true, MaxLength: 255),
        new("project_name", V1FieldType.Text, Required: true, MaxLength: 255),
        new("export_group_name", V1FieldType.Text, Required: true, MaxLength: NameLength),
        new("export_project_name", V1FieldType.Text, Required: true, MaxLength: NameLength),
        new("export_frequency_seconds", V1FieldType.Number),
    ];

    public static readonly V1Field[] ProjectUpdateFields =
    [
        new("update_api_key", V1FieldType.Flag),
        new("export_group_name", V1FieldType.Text, MaxLength: NameLength),
        new("export_project_name", V1FieldType.Text, MaxLength: NameLength),
        new("disabled", V1FieldType.Flag),
        new("export_frequency_seconds", V1FieldType.Number),
    ];

    public static readonly V1Field[] ImageCreateFields =
    [
        new("compute_environment_id", V1FieldType.Text, Required: true, MaxLength: 64),
        new("export_group_name", V1FieldType.Text, MaxLength: NameLength),
        new("export_project_name", V1FieldType.Text, MaxLength: NameLength),
        new("export_frequency_seconds", V1FieldType.Number),
    ];

    public static readonly V1Field[] ImageUpdateFields =
    [
        new("update_api_key", V1FieldType.Flag, Required: true),
        new("export_group_name", V1FieldType.Text, MaxLength: NameLength),
        new("export_project_name", V1FieldType.Text, MaxLength: NameLength),
        new("disabled", V1FieldType.Flag),
        new("export_frequency_seconds", V1FieldType.Number),
    ];

    /// <summary>The exports the caller sees and changes (docs/decisions/006-v1-api.md).</summary>
    public IQueryable<Export> Visible(V1Caller caller, ExportKind kind) => db.Exports
        .Where(e => !e.Archived && e.Kind == kind && e.DominoDeploymentId == caller.Deployment.Id)
        .VisibleTo(caller.ViaServiceAccount ? null : new Accounts.PortalUser(caller.OwnerId, "", caller.OwnerIsAdmin), caller.KeyHash);

    /// <summary>An export by its export_id, or (environments) by its compute environment id.</summary>
    private async Task<(Export? Export, V1Answer? Missing)> FindAsync(V1Caller caller, ExportKind kind, string identity, V1Body? body,
        CancellationToken cancellationToken)
    {
        if (InputRules.HasForbidden(identity))
            return (null, V1Answers.Failed(body, StatusCodes.Status404NotFound, StatusCode.APIExportNotFound.Describe()));
        var visible = Visible(caller, kind);
        var key = identity.Trim().ToLowerInvariant();
        var export = await visible.SingleOrDefaultAsync(e => e.ExportKey == key, cancellationToken);
        if (export is null && kind == ExportKind.Environment)
        {
            var matches = await visible.Where(e => e.EnvironmentId == identity.Trim()).Take(2).ToListAsync(cancellationToken);
            if (matches.Count > 1)
                return (null, V1Answers.Failed(body, StatusCodes.Status400BadRequest, V1Body.Invalid,
                    $"several exports export compute environment {identity}; use the export_id"));
            export = matches.SingleOrDefault();
        }
        return export is null
            ? (null, V1Answers.Failed(body, StatusCodes.Status404NotFound, StatusCode.APIExportNotFound.Describe()))
            : (export, null);
    }

    /// <summary>The export runs with the caller's key, as the original stored each job's key with the job.</summary>
    private void UseCallersKey(Export export, V1Caller caller, DateTimeOffset now) =>
        export.UseOwnKey(secrets.ForPurpose(SecretPurposes.DominoApiKey).Protect(caller.ApiKey), caller.KeyHash, now);
}
