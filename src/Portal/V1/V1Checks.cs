using System.Globalization;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Domain.Domino;
using Portal.Domain.Schedules;

namespace Portal.V1;

/// <summary>The original's checks on a v1 write, each answering as the original did when it fails.</summary>
internal static class V1Checks
{
    /// <summary>The original's access rule: the project exists (else 131) and the key may change its settings (else 132).</summary>
    public static async Task<V1Answer?> ProjectAccessAsync(V1Caller caller, string owner, string project, V1Body? body,
        CancellationToken cancellationToken)
    {
        try
        {
            var found = await caller.Domino.FindProjectAsync(owner, project, cancellationToken);
            return found.CanExport ? null : V1Answers.Failed(body, StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe());
        }
        catch (DominoException e) when (e.Code == StatusCode.APIProjectNotFound)
        {
            return V1Answers.Failed(body, StatusCodes.Status400BadRequest, StatusCode.APIProjectNotFound.Describe());
        }
        catch (DominoException e) when (e.Code == StatusCode.APIUnauthorized)
        {
            return V1Answers.Failed(body, StatusCodes.Status401Unauthorized, StatusCode.APIUnauthorized.Describe());
        }
    }

    /// <summary>The same rule for environments: it exists (400) and the key may read it (401).</summary>
    public static async Task<V1Answer?> EnvironmentAccessAsync(V1Caller caller, string environmentId, V1Body? body,
        CancellationToken cancellationToken)
    {
        try
        {
            await caller.Domino.GetEnvironmentRevisionsAsync(environmentId, cancellationToken);
            return null;
        }
        catch (DominoException e) when (e.Code is StatusCode.DominoEnvironmentNotFound or StatusCode.APIProjectNotFound)
        {
            return V1Answers.Failed(body, StatusCodes.Status400BadRequest, "The input supplied is invalid: specified Domino Compute Environment does not exist");
        }
        catch (DominoException e) when (e.Code == StatusCode.APIUnauthorized)
        {
            return V1Answers.Failed(body, StatusCodes.Status401Unauthorized,
                "Specified Domino API key does not have permission to the specified Domino Compute Environment");
        }
    }

    public static (string Group, string Name, V1Answer? Refusal) Names(V1Body body, string? group, string? name, List<string> warnings)
    {
        if (Name(body, group, "Export Group Name", StatusCode.APIInvalidExportGroupName, warnings, out var g) is { } badGroup)
            return ("", "", badGroup);
        if (Name(body, name, "Export Project Name", StatusCode.APIInvalidExportProjectName, warnings, out var n) is { } badName)
            return ("", "", badName);
        return (g, n, null);
    }

    /// <summary>The naming rule (422 with 136/137); a name valid only in lower case is lower-cased with the original's warning.</summary>
    public static V1Answer? Name(V1Body body, string? value, string label, StatusCode code, List<string> warnings, out string normalized)
    {
        if (!ExportNames.TryNormalize(value?.Trim(), out normalized, out var lowered))
            return V1Answers.Failed(body, StatusCodes.Status422UnprocessableEntity, code.Describe());
        if (lowered)
            warnings.Add($"Warning: request has been processed, but the {label} has been automatically converted to lower case to comply with Docker Registry standards");
        return null;
    }

    /// <summary>This portal's addition: every N seconds, mapped onto the nearest cron schedule (the answer reports the real one).</summary>
    public static V1Answer? Frequency(V1Body body, out string? schedule)
    {
        schedule = null;
        if (body.Number("export_frequency_seconds") is not { } seconds) return null;
        if (seconds < 60)
            return V1Answers.Failed(body, StatusCodes.Status400BadRequest, V1Body.Invalid,
                $"field 'export_frequency_seconds' must be at least 60 (it was {seconds.ToString(CultureInfo.InvariantCulture)})");
        schedule = SchedulePresets.FromFrequencySeconds(seconds);
        return null;
    }

}
