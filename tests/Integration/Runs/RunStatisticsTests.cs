using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Data;
using Portal.Exports;
using Portal.Runs;
using Portal.Tests.Integration.Support;
using Portal.Tests.Support;

namespace Portal.Tests.Integration.Runs;

/// <summary>
/// The daily totals the dashboard charts read, when runs of one owner end at the same moment (several worker nodes):
/// every run is counted, and no insert that lost the race is logged as a database error.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RunStatisticsTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Started = new(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task Runs_ending_at_once_on_SQLite_all_count_in_the_days_totals()
    {
        var folder = Directory.CreateTempSubdirectory("run-statistics-");
        try
        {
            await AddAtOnceAndCheckAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder.FullName, "portal.db")};Pooling=False");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Runs_ending_at_once_on_PostgreSQL_all_count_in_the_days_totals() =>
        await AddAtOnceAndCheckAsync(DatabaseProvider.PostgreSql, await postgres.DatabaseAsync("statistics"));

    private static async Task AddAtOnceAndCheckAsync(DatabaseProvider provider, string connectionString)
    {
        var logs = new CapturedLogs();
        var configuration = new ConfigurationBuilder().Build();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddSingleton<IConfiguration>(configuration)
            .AddData(configuration, provider, connectionString)
            .BuildServiceProvider();
        await services.MigratePortalDatabaseAsync();
        var migrated = logs.Entries.Count; // (EF Core logs its first look for the history table of an empty PostgreSQL database)
        var export = new Export
        {
            ExportKey = "k", OwnerId = "owner-1", Kind = ExportKind.Project, GroupName = "g", ProjectName = "p", Schedule = "0 2 * * *",
        };

        // Twelve runs end at once: ten succeeded ones (1 to 10 KiB, 60 s each), two failed ones.
        using var go = new ManualResetEventSlim();
        var ending = Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var run = new Run { Status = i <= 10 ? StatusCode.Completed : StatusCode.DominoAPIError, StartedAt = Started, CreatedAt = Started, BytesDone = i * 1024 };
            go.Wait();
            await RunStatistics.AddAsync(db, export, run, Started.AddSeconds(60), default);
        })).ToList();
        go.Set();
        await Task.WhenAll(ending);
        // A run that ends the next day (UTC) counts on the day it started.
        await using (var scope = services.CreateAsyncScope())
            await RunStatistics.AddAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), export,
                new Run { Status = StatusCode.Completed, StartedAt = Started, CreatedAt = Started, ImageBytesDone = 5 }, Started.AddMinutes(2), default);

        await using var read = services.CreateAsyncScope();
        var totals = await read.ServiceProvider.GetRequiredService<PortalDbContext>().RunDailyStats.AsNoTracking()
            .OrderBy(s => s.Outcome).ToListAsync();
        Assert.Equal(
            [(new DateOnly(2026, 11, 30), RunOutcome.Failed, 2, 11L * 1024 + 12 * 1024, 120.0), (new DateOnly(2026, 11, 30), RunOutcome.Succeeded, 11, 55L * 1024 + 5, 720.0)],
            totals.Select(s => (s.Day, s.Outcome, s.Runs, s.Bytes, Math.Round(s.Seconds, 3))).OrderBy(t => t.Outcome.ToString()));
        Assert.All(totals, s => Assert.Equal(("owner-1", ExportKind.Project), (s.OwnerId, s.Kind)));
        var errors = logs.Entries.Skip(migrated).Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
