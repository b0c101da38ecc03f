using Portal.Contracts.Shared;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Api;
using Portal.Data;
using Portal.Domain.StatusLogs;
using Portal.Exports;
using Portal.Runs;
using Portal.Contracts.Exports;

namespace Portal.V1;

/// <summary>
/// The v1 status endpoints, read from the database in a few queries whatever the number of exports (the
/// original asked Domino once per export per request). Records are built by <see cref="V1StatusRecords"/>.
/// </summary>
public sealed class V1Statuses(PortalDbContext db, V1Exports exports, IOptions<ApiOptions> options, TimeProvider time)
{
    /// <summary>No id: every visible project export's last run. An export id: its history. A Domino user name: the last run of each of their exports.</summary>
    public async Task<IReadOnlyList<V1ProjectStatus>> ProjectsAsync(V1Caller caller, string? identity, string? project,
        CancellationToken cancellationToken)
    {
        // No export's id, owner or project holds a control character; PostgreSQL would refuse the query (NUL).
        if (InputRules.HasForbidden(identity) || InputRules.HasForbidden(project)) return [];
        var visible = exports.Visible(caller, ExportKind.Project).Include(e => e.RegistryDestination).AsNoTracking();
        if (identity is null)
            return (await LastRecordsAsync(await visible.OrderBy(e => e.Id).ToListAsync(cancellationToken), cancellationToken)).Select(r => Project(r.Record)).ToList();

        var lower = identity.ToLowerInvariant();
        if (project is not null)
        {
            var matching = await visible.Where(e => e.DominoOwnerName == lower && e.DominoProjectName == project).OrderBy(e => e.Id)
                .ToListAsync(cancellationToken);
            return (await HistoriesAsync(matching, cancellationToken)).Select(r => Project(r.Record)).ToList();
        }
        if (await visible.SingleOrDefaultAsync(e => e.ExportKey == lower, cancellationToken) is { } byId)
            return (await HistoriesAsync([byId], cancellationToken)).Select(r => Project(r.Record)).ToList();
        var owned = await visible.Where(e => e.DominoOwnerName == lower).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return (await LastRecordsAsync(owned, cancellationToken)).Select(r => Project(r.Record)).ToList();
    }

    /// <summary>No id: every visible image export's last run. An export id or a compute environment id: the history.</summary>
    public async Task<IReadOnlyList<V1ImageStatus>> ImagesAsync(V1Caller caller, string? identity, CancellationToken cancellationToken)
    {
        if (InputRules.HasForbidden(identity)) return [];
        var visible = exports.Visible(caller, ExportKind.Environment).Include(e => e.RegistryDestination).AsNoTracking();
        if (identity is null)
            return (await LastRecordsAsync(await visible.OrderBy(e => e.Id).ToListAsync(cancellationToken), cancellationToken))
                .Select(r => Image(r.Export, r.Run, r.Record)).ToList();
        var lower = identity.Trim().ToLowerInvariant();
        var matching = await visible.Where(e => e.ExportKey == lower).ToListAsync(cancellationToken);
        if (matching.Count == 0)
            matching = await visible.Where(e => e.EnvironmentId == identity.Trim()).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return (await HistoriesAsync(matching, cancellationToken)).Select(r => Image(r.Export, r.Run, r.Record)).ToList();
    }

    private async Task<List<(Export Export, Run? Run, StatusRecord Record)>> LastRecordsAsync(IReadOnlyList<Export> list,
        CancellationToken cancellationToken)
    {
        var ids = list.Select(e => e.Id).ToList();
        // Dry runs are the portal's own: the original's clients see the runs that export.
        var lastIds = await db.Runs.Where(r => ids.Contains(r.ExportId) && r.Kind != RunKind.DryRun).GroupBy(r => r.ExportId).Select(g => g.Max(r => r.Id))
            .ToListAsync(cancellationToken);
        var last = await db.Runs.AsNoTracking().Include(r => r.Images).Where(r => lastIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.ExportId, cancellationToken);
        var now = time.GetUtcNow();
        return list.Select(e => last.TryGetValue(e.Id, out var run)
            ? (e, (Run?)run, V1StatusRecords.ForRun(e, run, run.Images, now))
            : (e, null, V1StatusRecords.NeverRun(e, now))).ToList();
    }

    /// <summary>Each export's newest runs, newest first, skipped runs included (the API's history; a never-run export has none).</summary>
    private async Task<List<(Export Export, Run? Run, StatusRecord Record)>> HistoriesAsync(IReadOnlyList<Export> list,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new List<(Export, Run?, StatusRecord)>();
        foreach (var export in list)
        {
            var history = await db.Runs.AsNoTracking().Include(r => r.Images).Where(r => r.ExportId == export.Id && r.Kind != RunKind.DryRun)
                .OrderByDescending(r => r.Id).Take(options.Value.V1StatusHistoryRecords).ToListAsync(cancellationToken);
            result.AddRange(history.Select(run => (export, (Run?)run, V1StatusRecords.ForRun(export, run, run.Images, now))));
        }
        return result;
    }

    /// <summary>The original sent datetimes the way Flask's jsonify does: an RFC 1123 HTTP date.</summary>
    public static string HttpDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    private static V1ProjectStatus Project(StatusRecord r) => new(
        HttpDate(r.Timestamp), r.ExportId, r.Status, r.ErrorCode, r.ErrorMessage, r.ExportFrequencySeconds, r.DominoUsername,
        r.DominoProjectName, r.ExportGroupName, r.ExportProjectName, r.ProjectExportRuntimeSeconds ?? 0, r.ProjectExportLocation,
        r.ProjectCommitId, r.ProjectExportStatus, r.ImageExportRuntimeSeconds ?? 0, r.ImageExportLocation ?? [], r.ImageExportStatus,
        r.DominoImageEnvironmentName);

    private static V1ImageStatus Image(Export export, Run? run, StatusRecord r) => new(
        HttpDate(r.Timestamp), r.ExportId, r.Status, r.ErrorCode, r.ErrorMessage, r.ExportFrequencySeconds,
        run?.EnvironmentId ?? export.EnvironmentId, run?.EnvironmentRevision, r.DominoImageEnvironmentName, r.ExportGroupName,
        r.ExportProjectName, r.ImageExportLocation is { Count: > 0 } locations ? locations[^1] : null, r.ImageExportRuntimeSeconds ?? 0);
}
