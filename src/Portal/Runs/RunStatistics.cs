using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Exports;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>Adds a finished run to the day's totals the dashboard charts read.</summary>
internal static class RunStatistics
{
    public static async Task AddAsync(PortalDbContext db, Export export, Run run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime((run.StartedAt ?? run.CreatedAt).UtcDateTime);
        var outcome = run.Status.Outcome();
        var bytes = run.BytesDone + run.ImageBytesDone;
        var seconds = run.StartedAt is { } started ? (now - started).TotalSeconds : 0;
        if (db.Database.IsSqlite() || db.Database.IsNpgsql())
        {
            // One statement, so runs of the same owner, kind and outcome that end at once on several nodes add up without
            // a failed insert (which EF Core would log as an error before the retry below saved it). The names are the
            // migrations' (RunDailyStatConfiguration); Kind and Outcome are stored as their names.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "RunDailyStats" ("Day", "OwnerId", "Kind", "Outcome", "Runs", "Bytes", "Seconds")
                VALUES ({day}, {export.OwnerId}, {export.Kind.ToString()}, {outcome.ToString()}, 1, {bytes}, {seconds})
                ON CONFLICT ("Day", "OwnerId", "Kind", "Outcome") DO UPDATE SET
                    "Runs" = "RunDailyStats"."Runs" + 1,
                    "Bytes" = "RunDailyStats"."Bytes" + excluded."Bytes",
                    "Seconds" = "RunDailyStats"."Seconds" + excluded."Seconds"
                """, cancellationToken);
            return;
        }

        // SQL Server has no ON CONFLICT: add to the day's row, or insert it, and add to the row another run inserted first.
        for (var attempt = 1; ; attempt++)
        {
            var updated = await db.RunDailyStats
                .Where(s => s.Day == day && s.OwnerId == export.OwnerId && s.Kind == export.Kind && s.Outcome == outcome)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Runs, x => x.Runs + 1)
                    .SetProperty(x => x.Bytes, x => x.Bytes + bytes)
                    .SetProperty(x => x.Seconds, x => x.Seconds + seconds), cancellationToken);
            if (updated > 0) return;
            var row = new RunDailyStat { Day = day, OwnerId = export.OwnerId, Kind = export.Kind, Outcome = outcome, Runs = 1, Bytes = bytes, Seconds = seconds };
            db.RunDailyStats.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another run inserted the day's row first: add to it instead.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
