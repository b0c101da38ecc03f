using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.V1;

// PUT /v1/projects/update/{export_id}, PUT /v1/images/update/{id} and DELETE /v1/images/archive/{id}.
public sealed partial class V1Exports
{
    public async Task<V1Answer> UpdateAsync(V1Caller caller, ExportKind kind, string identity, V1Body body, CancellationToken cancellationToken)
    {
        var (export, missing) = await FindAsync(caller, kind, identity, body, cancellationToken);
        if (export is null) return missing!;
        var refused = kind == ExportKind.Project
            ? await V1Checks.ProjectAccessAsync(caller, export.DominoOwnerName!, export.DominoProjectName!, body, cancellationToken)
            : await V1Checks.EnvironmentAccessAsync(caller, export.EnvironmentId!, body, cancellationToken);
        if (refused is not null) return refused;

        var warnings = new List<string>();
        var groupText = body.Text("export_group_name");
        var nameText = body.Text("export_project_name");
        var group = export.GroupName;
        var name = export.ProjectName;
        // A null or empty name leaves the name as it is (the original's rule).
        if (!string.IsNullOrEmpty(groupText))
        {
            if (V1Checks.Name(body, groupText, "Export Group Name", StatusCode.APIInvalidExportGroupName, warnings, out var newGroup) is { } bad)
                return bad;
            group = newGroup;
        }
        if (!string.IsNullOrEmpty(nameText))
        {
            if (V1Checks.Name(body, nameText, "Export Project Name", StatusCode.APIInvalidExportProjectName, warnings, out var newName) is { } bad)
                return bad;
            name = newName;
        }
        if (V1Checks.Frequency(body, out var schedule) is { } badFrequency) return badFrequency;
        var renamed = group != export.GroupName || name != export.ProjectName;
        if (renamed && await validator.FindConflictAsync(export.Id, kind, export.DominoDeploymentId, null, null, group, name, cancellationToken)
                is { } conflict)
            return V1Answers.Failed(body, StatusCodes.Status409Conflict, conflict.Describe());

        var now = time.GetUtcNow();
        if (body.Flag("update_api_key") == true) UseCallersKey(export, caller, now);
        export.Rename(group, name, now);
        if (body.Flag("disabled") is { } disabled) export.SetEnabled(!disabled, now);
        if (schedule is not null) export.Reschedule(schedule, now);
        await exports.SaveAsync(export, cancellationToken);
        return new V1Answer(StatusCodes.Status200OK,
            new V1ExportResponse(true, body.Message(warnings), export.ExportKey, V1StatusRecords.FrequencySeconds(export, now)));
    }

    public async Task<V1Answer> ArchiveImageAsync(V1Caller caller, string identity, CancellationToken cancellationToken)
    {
        var (export, missing) = await FindAsync(caller, ExportKind.Environment, identity, null, cancellationToken);
        if (export is null) return V1Answers.Archive(missing!);
        if (await V1Checks.EnvironmentAccessAsync(caller, export.EnvironmentId!, null, cancellationToken) is { } refused)
            return V1Answers.Archive(refused);
        await exports.ArchiveAsync(export, cancellationToken);
        return new V1Answer(StatusCodes.Status200OK, new V1ArchiveResponse(true, null, export.ExportKey));
    }
}
