using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Runs;
using Portal.Contracts.Dashboard;
using Portal.Contracts.Runs;
using Portal.Data;
using Portal.Exports;
using Portal.Health;

namespace Portal.Dashboard;

// The charts: runs per day from the daily totals, and one export's last runs.
public sealed partial class DashboardService
{
    public async Task<IReadOnlyList<DailyRuns>> DailyAsync(PortalUser user, int days, string? ownerId, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, MaxDays);
        var owner = OwnerOf(user, ownerId);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - days);
        var stats = db.RunDailyStats.Where(s => s.Day >= from);
        if (owner is not null) stats = stats.Where(s => s.OwnerId == owner);
        var rows = await stats.GroupBy(s => new { s.Day, s.Outcome })
            .Select(g => new { g.Key.Day, g.Key.Outcome, Runs = g.Sum(s => s.Runs), Bytes = g.Sum(s => s.Bytes) })
            .ToListAsync(cancellationToken);
        var byDay = rows.ToLookup(r => r.Day);
        return Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(day =>
        {
            var d = byDay[day].ToList();
            int Runs(RunOutcome o) => d.Where(r => r.Outcome == o).Sum(r => r.Runs);
            return new DailyRuns(day, Runs(RunOutcome.Succeeded), Runs(RunOutcome.Failed), Runs(RunOutcome.Skipped), Runs(RunOutcome.Cancelled),
                d.Sum(r => r.Bytes));
        }).ToList();
    }

    /// <summary>An export's last runs (the (ExportId, Id) index, newest first), returned oldest first; null when the export is not the caller's.</summary>
    public async Task<IReadOnlyList<RunPoint>?> ExportRunsAsync(PortalUser user, int exportId, int last, CancellationToken cancellationToken)
    {
        if (!await db.Exports.VisibleTo(user).AnyAsync(e => e.Id == exportId, cancellationToken)) return null;
        var runs = await db.Runs.Where(r => r.ExportId == exportId).OrderByDescending(r => r.Id).Take(Math.Clamp(last, 1, MaxRunPoints))
            .Select(r => new { r.Id, r.Number, r.CreatedAt, r.StartedAt, r.EndedAt, Bytes = r.BytesDone + r.ImageBytesDone, r.Status })
            .ToListAsync(cancellationToken);
        return runs.Select(r => new RunPoint(r.Id, r.Number, r.StartedAt ?? r.CreatedAt,
                r.StartedAt is { } s && r.EndedAt is { } e ? (e - s).TotalSeconds : null, r.Bytes, (int)r.Status))
            .Reverse().ToList();
    }
}
