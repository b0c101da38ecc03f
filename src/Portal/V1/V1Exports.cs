using Portal.Client.Shared;
using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Client.Exports;
using Portal.Data;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using StatusCodes = Microsoft.AspNetCore.Http.StatusCodes;
using StatusCode = Portal.Domain.Runs.StatusCode;
using Portal.Domain.Schedules;
using Portal.Exports;
using Portal.Runs;
using Portal.Security;

namespace Portal.V1;

/// <summary>An answer of the v1 API: its HTTP status and JSON body.</summary>
public sealed record V1Answer(int Status, object Body);

/// <summary>
/// The v1 API's writes: create, update and archive exports the original way (its checks in its order, its
/// codes and messages), with the original's bugs left out (docs/v1-compatibility.md): update checks for conflicts
/// too, a disabled export leaves the schedule, unexpected errors are 503.
/// </summary>
public sealed class V1Exports(
    PortalDbContext db,
    V1Settings settings,
    ExportValidator validator,
    ExportScheduleSync schedules,
    ExportService exports,
    RunStore runs,
    IBackgroundJobClient jobs,
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

    public async Task<V1Answer> CreateProjectAsync(V1Caller caller, V1Body body, CancellationToken cancellationToken)
    {
        var defaults = await settings.GetDefaultsAsync(cancellationToken);
        if (defaults.S3TargetId is not { } s3 || !await db.S3Destinations.AnyAsync(d => d.Id == s3, cancellationToken))
            return Failed(body, StatusCodes.Status503ServiceUnavailable, NotSetUp("the S3 target v1 project exports write to"));
        var owner = body.Text("username")!.Trim();
        var project = body.Text("project_name")!.Trim();
        if (await ProjectAccessAsync(caller, owner, project, body, cancellationToken) is { } refused) return refused;

        var warnings = new List<string>();
        var (group, name, badNames) = Names(body, body.Text("export_group_name"), body.Text("export_project_name"), warnings);
        if (badNames is not null) return badNames;
        if (Frequency(body, out var schedule) is { } badFrequency) return badFrequency;
        if (await validator.FindConflictAsync(null, ExportKind.Project, caller.Deployment.Id, owner, project, group, name, cancellationToken)
            is { } conflict)
            return Failed(body, StatusCodes.Status409Conflict, conflict.Describe());

        var registry = await ExistingRegistryAsync(defaults, cancellationToken);
        var export = NewExport(caller, ExportKind.Project, group, name, schedule ?? SchedulePresets.Default);
        export.DominoOwnerName = owner.ToLowerInvariant();
        export.DominoProjectName = project;
        export.ExportFiles = true;
        export.S3DestinationId = s3;
        export.ExportImage = registry is not null;
        export.RegistryDestinationId = registry;
        export.TemplateId = registry is null ? null : defaults.TemplateId;
        return await SaveNewAsync(caller, export, body, warnings, cancellationToken);
    }

    public async Task<V1Answer> CreateImageAsync(V1Caller caller, V1Body body, CancellationToken cancellationToken)
    {
        var defaults = await settings.GetDefaultsAsync(cancellationToken);
        if (await ExistingRegistryAsync(defaults, cancellationToken) is not { } registry)
            return Failed(body, StatusCodes.Status503ServiceUnavailable, NotSetUp("the registry v1 image exports push to"));
        var environmentId = body.Text("compute_environment_id")!.Trim();
        if (await EnvironmentAccessAsync(caller, environmentId, body, cancellationToken) is { } refused) return refused;

        var warnings = new List<string>();
        var groupText = string.IsNullOrEmpty(body.Text("export_group_name")) ? DefaultImageGroup : body.Text("export_group_name");
        var nameText = string.IsNullOrEmpty(body.Text("export_project_name")) ? DefaultImageProject : body.Text("export_project_name");
        var (group, name, badNames) = Names(body, groupText, nameText, warnings);
        if (badNames is not null) return badNames;
        if (Frequency(body, out var schedule) is { } badFrequency) return badFrequency;
        if (await validator.FindConflictAsync(null, ExportKind.Environment, caller.Deployment.Id, null, null, group, name, cancellationToken)
            is { } conflict)
            return Failed(body, StatusCodes.Status409Conflict, conflict.Describe());

        var export = NewExport(caller, ExportKind.Environment, group, name, schedule ?? SchedulePresets.Default);
        export.EnvironmentId = environmentId;
        export.ExportFiles = false;
        export.ExportImage = true;
        export.RegistryDestinationId = registry;
        export.TemplateId = defaults.TemplateId;
        return await SaveNewAsync(caller, export, body, warnings, cancellationToken);
    }

    public async Task<V1Answer> UpdateAsync(V1Caller caller, ExportKind kind, string identity, V1Body body, CancellationToken cancellationToken)
    {
        var (export, missing) = await FindAsync(caller, kind, identity, body, cancellationToken);
        if (export is null) return missing!;
        var refused = kind == ExportKind.Project
            ? await ProjectAccessAsync(caller, export.DominoOwnerName!, export.DominoProjectName!, body, cancellationToken)
            : await EnvironmentAccessAsync(caller, export.EnvironmentId!, body, cancellationToken);
        if (refused is not null) return refused;

        var warnings = new List<string>();
        var groupText = body.Text("export_group_name");
        var nameText = body.Text("export_project_name");
        var group = export.GroupName;
        var name = export.ProjectName;
        // A null or empty name leaves the name as it is (the original's rule).
        if (!string.IsNullOrEmpty(groupText))
        {
            if (Name(body, groupText, "Export Group Name", StatusCode.APIInvalidExportGroupName, warnings, out var newGroup) is { } bad) return bad;
            group = newGroup;
        }
        if (!string.IsNullOrEmpty(nameText))
        {
            if (Name(body, nameText, "Export Project Name", StatusCode.APIInvalidExportProjectName, warnings, out var newName) is { } bad) return bad;
            name = newName;
        }
        if (Frequency(body, out var schedule) is { } badFrequency) return badFrequency;
        var renamed = group != export.GroupName || name != export.ProjectName;
        if (renamed && await validator.FindConflictAsync(export.Id, kind, export.DominoDeploymentId, null, null, group, name, cancellationToken)
                is { } conflict)
            return Failed(body, StatusCodes.Status409Conflict, conflict.Describe());

        var tracked = await db.Exports.SingleAsync(e => e.Id == export.Id, cancellationToken);
        if (body.Flag("update_api_key") == true) SetKey(tracked, caller);
        if (renamed)
        {
            tracked.GroupName = group;
            tracked.ProjectName = name;
            // New names mean new places: the next run exports everything again (the original's rule).
            tracked.FilesCommitId = tracked.FilesFingerprint = null;
            tracked.ImageEnvironmentId = tracked.ImageFingerprint = null;
            tracked.ImageRevision = null;
        }
        if (body.Flag("disabled") is { } disabled) tracked.Enabled = !disabled;
        if (schedule is not null) tracked.Schedule = schedule;
        var now = time.GetUtcNow();
        tracked.UpdatedAt = now;
        tracked.NextRunAt = ExportScheduleSync.NextRun(tracked, now);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(tracked);
        return new V1Answer(StatusCodes.Status200OK,
            new V1ExportResponse(true, body.Message(warnings), tracked.ExportKey, V1StatusRecords.FrequencySeconds(tracked, now)));
    }

    public async Task<V1Answer> ArchiveImageAsync(V1Caller caller, string identity, CancellationToken cancellationToken)
    {
        var (export, missing) = await FindAsync(caller, ExportKind.Environment, identity, null, cancellationToken);
        if (export is null) return Archive(missing!);
        if (await EnvironmentAccessAsync(caller, export.EnvironmentId!, null, cancellationToken) is { } refused) return Archive(refused);
        var result = await exports.ArchiveAsync(new PortalUser(export.OwnerId, "", IsAdmin: false), export.Id, cancellationToken);
        return result.Succeeded
            ? new V1Answer(StatusCodes.Status200OK, new V1ArchiveResponse(true, null, export.ExportKey))
            : new V1Answer(StatusCodes.Status404NotFound, new V1ArchiveResponse(false, StatusCode.APIExportNotFound.Describe(), null));
    }

    /// <summary>The exports the caller sees and changes (docs/decisions/006-v1-api.md).</summary>
    public IQueryable<Export> Visible(V1Caller caller, ExportKind kind)
    {
        var exportsOfKind = db.Exports.Where(e => !e.Archived && e.Kind == kind && e.DominoDeploymentId == caller.Deployment.Id);
        if (caller.ViaServiceAccount) return exportsOfKind.Where(e => e.ApiKeyHash == caller.KeyHash);
        return caller.OwnerIsAdmin ? exportsOfKind : exportsOfKind.Where(e => e.OwnerId == caller.OwnerId || e.ApiKeyHash == caller.KeyHash);
    }

    /// <summary>An export by its export_id, or (environments) by its compute environment id.</summary>
    private async Task<(Export? Export, V1Answer? Missing)> FindAsync(V1Caller caller, ExportKind kind, string identity, V1Body? body,
        CancellationToken cancellationToken)
    {
        if (InputRules.HasForbidden(identity))
            return (null, Failed(body, StatusCodes.Status404NotFound, StatusCode.APIExportNotFound.Describe()));
        var visible = Visible(caller, kind).AsNoTracking();
        var key = identity.Trim().ToLowerInvariant();
        var export = await visible.SingleOrDefaultAsync(e => e.ExportKey == key, cancellationToken);
        if (export is null && kind == ExportKind.Environment)
        {
            var matches = await visible.Where(e => e.EnvironmentId == identity.Trim()).Take(2).ToListAsync(cancellationToken);
            if (matches.Count > 1)
                return (null, Failed(body, StatusCodes.Status400BadRequest, V1Body.Invalid,
                    $"several exports export compute environment {identity}; use the export_id"));
            export = matches.SingleOrDefault();
        }
        return export is null ? (null, Failed(body, StatusCodes.Status404NotFound, StatusCode.APIExportNotFound.Describe())) : (export, null);
    }

    private async Task<V1Answer> SaveNewAsync(V1Caller caller, Export export, V1Body body, List<string> warnings, CancellationToken cancellationToken)
    {
        db.Exports.Add(export);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(export);
        // The original queued a run at once, beside the schedule.
        var run = await runs.CreateAsync(export.Id, RunTrigger.Api, $"v1 API ({caller.DominoUserName ?? "unknown Domino user"})", cancellationToken);
        run.JobId = jobs.Enqueue<ExportJob>(job => job.RunAsync(run.Id, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
        return new V1Answer(StatusCodes.Status201Created,
            new V1ExportResponse(true, body.Message(warnings), export.ExportKey, V1StatusRecords.FrequencySeconds(export, time.GetUtcNow())));
    }

    private Export NewExport(V1Caller caller, ExportKind kind, string group, string name, string schedule)
    {
        var now = time.GetUtcNow();
        var export = new Export
        {
            ExportKey = Guid.NewGuid().ToString("N"),
            Kind = kind,
            OwnerId = caller.OwnerId,
            DominoDeploymentId = caller.Deployment.Id,
            GroupName = group,
            ProjectName = name,
            Schedule = schedule,
            TimeZone = "UTC",
            Enabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        export.NextRunAt = ExportScheduleSync.NextRun(export, now);
        SetKey(export, caller);
        return export;
    }

    /// <summary>The export runs with the caller's key, as the original stored each job's key with the job.</summary>
    private void SetKey(Export export, V1Caller caller)
    {
        export.ApiKey = secrets.ForPurpose(SecretPurposes.DominoApiKey).Protect(caller.ApiKey);
        export.ApiKeyHash = caller.KeyHash;
    }

    private async Task<int?> ExistingRegistryAsync(V1Defaults defaults, CancellationToken cancellationToken) =>
        defaults.RegistryTargetId is { } id && await db.RegistryDestinations.AnyAsync(d => d.Id == id, cancellationToken) ? id : null;

    /// <summary>The original's access rule: the project exists (else 131) and the key may change its settings (else 132).</summary>
    private static async Task<V1Answer?> ProjectAccessAsync(V1Caller caller, string owner, string project, V1Body? body,
        CancellationToken cancellationToken)
    {
        try
        {
            var found = await caller.Domino.FindProjectAsync(owner, project, cancellationToken);
            return found.CanExport ? null : Failed(body, StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe());
        }
        catch (DominoException e) when (e.Code == StatusCode.APIProjectNotFound)
        {
            return Failed(body, StatusCodes.Status400BadRequest, StatusCode.APIProjectNotFound.Describe());
        }
        catch (DominoException e) when (e.Code == StatusCode.APIUnauthorized)
        {
            return Failed(body, StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe());
        }
    }

    /// <summary>The same rule for environments: it exists (400) and the key may read it (401).</summary>
    private static async Task<V1Answer?> EnvironmentAccessAsync(V1Caller caller, string environmentId, V1Body? body,
        CancellationToken cancellationToken)
    {
        try
        {
            await caller.Domino.GetEnvironmentRevisionsAsync(environmentId, cancellationToken);
            return null;
        }
        catch (DominoException e) when (e.Code is StatusCode.DominoEnvironmentNotFound or StatusCode.APIProjectNotFound)
        {
            return Failed(body, StatusCodes.Status400BadRequest, "The input supplied is invalid: specified Domino Compute Environment does not exist");
        }
        catch (DominoException e) when (e.Code == StatusCode.APIUnauthorized)
        {
            return Failed(body, StatusCodes.Status401Unauthorized,
                "Specified Domino API key does not have permission to the specified Domino Compute Environment");
        }
    }

    private static (string Group, string Name, V1Answer? Refusal) Names(V1Body body, string? group, string? name, List<string> warnings)
    {
        if (Name(body, group, "Export Group Name", StatusCode.APIInvalidExportGroupName, warnings, out var g) is { } badGroup)
            return ("", "", badGroup);
        if (Name(body, name, "Export Project Name", StatusCode.APIInvalidExportProjectName, warnings, out var n) is { } badName)
            return ("", "", badName);
        return (g, n, null);
    }

    /// <summary>The naming rule (422 with 136/137); a name valid only in lower case is lower-cased with the original's warning.</summary>
    private static V1Answer? Name(V1Body body, string? value, string label, StatusCode code, List<string> warnings, out string normalized)
    {
        if (!ExportNames.TryNormalize(value?.Trim(), out normalized, out var lowered))
            return Failed(body, StatusCodes.Status422UnprocessableEntity, code.Describe());
        if (lowered)
            warnings.Add($"Warning: request has been processed, but the {label} has been automatically converted to lower case to comply with Docker Registry standards");
        return null;
    }

    /// <summary>This portal's addition: every N seconds, mapped onto the nearest cron schedule (the answer reports the real one).</summary>
    private static V1Answer? Frequency(V1Body body, out string? schedule)
    {
        schedule = null;
        if (body.Number("export_frequency_seconds") is not { } seconds) return null;
        if (seconds < 60)
            return Failed(body, StatusCodes.Status400BadRequest, V1Body.Invalid,
                $"field 'export_frequency_seconds' must be at least 60 (it was {seconds.ToString(CultureInfo.InvariantCulture)})");
        schedule = SchedulePresets.FromFrequencySeconds(seconds);
        return null;
    }

    private static string NotSetUp(string what) => $"The v1 API is not set up: an admin must choose {what} (Administration, Connections, v1 API settings)";

    private static V1Answer Failed(V1Body? body, int status, string message, string? hint = null) =>
        new(status, new V1ExportResponse(false, body?.Message([message]) ?? message, null, null, hint));

    private static V1Answer Archive(V1Answer failed) => failed.Body is V1ExportResponse refusal
        ? new(failed.Status, new V1ArchiveResponse(false, refusal.Message, null, refusal.Hint))
        : failed;
}
