using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Data;

namespace Portal.Exports;

/// <summary>The exports table: the caller's exports (admins: all, or one owner's), searched, filtered, sorted and paged in the database.</summary>
public sealed class ExportList(PortalDbContext db)
{
    public async Task<Page<ExportSummary>> ListAsync(PortalUser user, ExportQuery query, CancellationToken cancellationToken)
    {
        var exports = db.Exports.VisibleTo(user);
        // The "Archived" filter lists only archived exports; otherwise they are left out unless asked for.
        var archivedOnly = string.Equals(query.Outcome, "archived", StringComparison.OrdinalIgnoreCase);
        if (archivedOnly) exports = exports.Where(e => e.Archived);
        else if (!query.IncludeArchived) exports = exports.Where(e => !e.Archived);
        if (user.IsAdmin && !string.IsNullOrEmpty(query.OwnerId)) exports = exports.Where(e => e.OwnerId == query.OwnerId);
        if (query.Kind is { } kind) exports = exports.Where(e => e.Kind == kind);
        exports = Filtered(Searched(exports, query.Search), query.Outcome);
        var total = await exports.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var items = await Sorted(exports, query.SortBy, query.Descending)
            .Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize).ToSummaries().ToListAsync(cancellationToken);
        return new Page<ExportSummary>(items.Select(s => s.Named()).ToList(), total);
    }

    private static IQueryable<Export> Searched(IQueryable<Export> exports, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return exports;
        var s = search.Trim().ToLowerInvariant();
        return exports.Where(e => e.GroupName.Contains(s) || e.ProjectName.Contains(s) || e.ExportKey.StartsWith(s)
                                  || (e.DominoOwnerName != null && e.DominoOwnerName.Contains(s))
                                  || (e.DominoProjectName != null && e.DominoProjectName.ToLower().Contains(s))
                                  || (e.EnvironmentId != null && e.EnvironmentId.Contains(s)));
    }

    /// <summary>The table's outcome filter; a run that did not start because one was going (101) counts as skipped, as on the dashboard.</summary>
    private static IQueryable<Export> Filtered(IQueryable<Export> exports, string? outcome) => outcome?.ToLowerInvariant() switch
    {
        "succeeded" => exports.Where(e => e.LastStatus == StatusCode.Completed),
        "failed" => exports.Where(e => e.LastStatus <= StatusMeaning.LastError && e.LastStatus != StatusCode.ExecutionScheduleTimeout),
        "skipped" => exports.Where(e => e.LastStatus == StatusCode.Skipped || e.LastStatus == StatusCode.ExecutionScheduleTimeout),
        "running" => exports.Where(e => e.ActiveRunId != null),
        "never" => exports.Where(e => e.LastStatus == null),
        "disabled" => exports.Where(e => !e.Enabled),
        _ => exports,
    };

    private static IOrderedQueryable<Export> Sorted(IQueryable<Export> exports, string? sortBy, bool descending) =>
        (sortBy?.ToLowerInvariant(), descending) switch
        {
            ("name", false) => exports.OrderBy(e => e.GroupName).ThenBy(e => e.ProjectName),
            ("name", true) => exports.OrderByDescending(e => e.GroupName).ThenByDescending(e => e.ProjectName),
            ("status", false) => exports.OrderBy(e => e.LastStatus).ThenBy(e => e.Id),
            ("status", true) => exports.OrderByDescending(e => e.LastStatus).ThenBy(e => e.Id),
            ("nextrun", false) => exports.OrderBy(e => e.NextRunAt).ThenBy(e => e.Id),
            ("nextrun", true) => exports.OrderByDescending(e => e.NextRunAt).ThenBy(e => e.Id),
            ("duration", false) => exports.OrderBy(e => e.LastDurationSeconds).ThenBy(e => e.Id),
            ("duration", true) => exports.OrderByDescending(e => e.LastDurationSeconds).ThenBy(e => e.Id),
            ("owner", false) => exports.OrderBy(e => e.Owner!.Email).ThenBy(e => e.Id),
            ("owner", true) => exports.OrderByDescending(e => e.Owner!.Email).ThenBy(e => e.Id),
            ("lastrun", false) => exports.OrderBy(e => e.LastRunAt).ThenBy(e => e.Id),
            _ => exports.OrderByDescending(e => e.LastRunAt).ThenByDescending(e => e.Id),
        };
}
