using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Runs;
using Portal.Data;

namespace Portal.Runs;

/// <summary>
/// Which runs "Resume" may take up: an export run whose files part failed after it chose its commit, and that no later
/// export run followed (a later run already moved the snapshot on). The resumed run completes that commit's snapshot,
/// moving only the files still missing or failed (docs/decisions/003-file-export-snapshots.md).
/// </summary>
public static class RunResumption
{
    /// <summary>Why <paramref name="run"/> cannot be resumed, in words; null when it can.</summary>
    public static async Task<string?> RefusalAsync(PortalDbContext db, Run run, CancellationToken cancellationToken)
    {
        if (run.Kind != RunKind.Export) return $"A {run.Kind.ToString().ToLowerInvariant()} run writes nothing, so there is nothing to resume.";
        if (!run.Status.IsFinished()) return "The run has not ended yet.";
        if (run.FilesStatus is not { } files || !files.IsError()) return "Only a run whose files failed can be resumed.";
        if (run.CommitId is null) return "The run failed before it chose a commit: use Run now instead.";
        var later = await db.Runs.Where(r => r.ExportId == run.ExportId && r.Id > run.Id && r.Kind == RunKind.Export && r.FilesStatus != null)
            .OrderBy(r => r.Id).Select(r => (int?)r.Number).FirstOrDefaultAsync(cancellationToken);
        return later is { } number ? $"Run #{number} came after it: only the export's newest run can be resumed." : null;
    }
}
