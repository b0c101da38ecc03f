using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Exports;
using Portal.Domain.Schedules;
using Portal.Exports;
using Portal.Runs;
using Portal.Contracts.Runs;

namespace Portal.V1;

// POST /v1/projects/create and /v1/images/create: a new export with the v1 settings' targets, and a first run at once.
public sealed partial class V1Exports
{
    public async Task<V1Answer> CreateProjectAsync(V1Caller caller, V1Body body, CancellationToken cancellationToken)
    {
        var defaults = await settings.GetDefaultsAsync(cancellationToken);
        if (defaults.S3TargetId is not { } s3 || !await db.S3Destinations.AnyAsync(d => d.Id == s3, cancellationToken))
            return V1Answers.Failed(body, StatusCodes.Status503ServiceUnavailable, V1Answers.NotSetUp("the S3 target v1 project exports write to"));
        var owner = body.Text("username")!.Trim();
        var project = body.Text("project_name")!.Trim();
        if (await V1Checks.ProjectAccessAsync(caller, owner, project, body, cancellationToken) is { } refused) return refused;

        var warnings = new List<string>();
        var (group, name, badNames) = V1Checks.Names(body, body.Text("export_group_name"), body.Text("export_project_name"), warnings);
        if (badNames is not null) return badNames;
        if (V1Checks.Frequency(body, out var schedule) is { } badFrequency) return badFrequency;
        if (await validator.FindConflictAsync(null, ExportKind.Project, caller.Deployment.Id, owner, project, group, name, cancellationToken)
            is { } conflict)
            return V1Answers.Failed(body, StatusCodes.Status409Conflict, conflict.Describe());

        var registry = await ExistingRegistryAsync(defaults, cancellationToken);
        var export = NewExport(caller, ExportKind.Project, group, name, schedule);
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
            return V1Answers.Failed(body, StatusCodes.Status503ServiceUnavailable, V1Answers.NotSetUp("the registry v1 image exports push to"));
        var environmentId = body.Text("compute_environment_id")!.Trim();
        if (await V1Checks.EnvironmentAccessAsync(caller, environmentId, body, cancellationToken) is { } refused) return refused;

        var warnings = new List<string>();
        var groupText = string.IsNullOrEmpty(body.Text("export_group_name")) ? DefaultImageGroup : body.Text("export_group_name");
        var nameText = string.IsNullOrEmpty(body.Text("export_project_name")) ? DefaultImageProject : body.Text("export_project_name");
        var (group, name, badNames) = V1Checks.Names(body, groupText, nameText, warnings);
        if (badNames is not null) return badNames;
        if (V1Checks.Frequency(body, out var schedule) is { } badFrequency) return badFrequency;
        if (await validator.FindConflictAsync(null, ExportKind.Environment, caller.Deployment.Id, null, null, group, name, cancellationToken)
            is { } conflict)
            return V1Answers.Failed(body, StatusCodes.Status409Conflict, conflict.Describe());

        var export = NewExport(caller, ExportKind.Environment, group, name, schedule);
        export.EnvironmentId = environmentId;
        export.ExportFiles = false;
        export.ExportImage = true;
        export.RegistryDestinationId = registry;
        export.TemplateId = defaults.TemplateId;
        return await SaveNewAsync(caller, export, body, warnings, cancellationToken);
    }

    private Export NewExport(V1Caller caller, ExportKind kind, string group, string name, string? schedule)
    {
        var now = time.GetUtcNow();
        var export = Export.Create(kind, caller.OwnerId, caller.Deployment.Id, group, name, schedule ?? SchedulePresets.Default, now);
        UseCallersKey(export, caller, now);
        return export;
    }

    private async Task<V1Answer> SaveNewAsync(V1Caller caller, Export export, V1Body body, List<string> warnings, CancellationToken cancellationToken)
    {
        await exports.SaveAsync(export, cancellationToken);
        // The original queued a run at once, beside the schedule.
        await runs.QueueAsync(export.Id, RunTrigger.Api, $"v1 API ({caller.DominoUserName ?? "unknown Domino user"})", cancellationToken);
        return new V1Answer(StatusCodes.Status201Created,
            new V1ExportResponse(true, body.Message(warnings), export.ExportKey, V1StatusRecords.FrequencySeconds(export, time.GetUtcNow())));
    }

    private async Task<int?> ExistingRegistryAsync(V1Defaults defaults, CancellationToken cancellationToken) =>
        defaults.RegistryTargetId is { } id && await db.RegistryDestinations.AnyAsync(d => d.Id == id, cancellationToken) ? id : null;
}
