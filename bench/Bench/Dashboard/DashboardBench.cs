using System.Diagnostics;
using System.Globalization;
using Portal.Testbed.Databases;
using Portal.Testbed.Processes;

namespace Portal.Bench.Dashboard;

/// <summary>
/// Seeds a database with 10,000 exports and 1,000,000 runs (SQLite, PostgreSQL or both), starts the built portal on it,
/// and times the dashboard, export and run pages and the /api endpoints behind them, as an admin and as a user.
/// Target: p95 under 300 ms on SQLite.
/// </summary>
internal static class DashboardBench
{
    public const double TargetMs = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        Console.WriteLine($"Dashboard benchmark: {options.Exports:N0} exports, {options.Runs:N0} runs over {options.Days} days, {options.Users} users, " +
                          $"{options.Repeat} timed requests each (after 3 warm-up), portal built {RepositoryPaths.Configuration}");
        var results = new List<Timed>();
        foreach (var provider in options.Providers) results.AddRange(await RunProviderAsync(options, provider));
        Print(results);
        var sqliteSlow = results.Where(r => r.Scenario.StartsWith("sqlite", StringComparison.Ordinal) && r.P95Ms >= TargetMs).ToList();
        Console.WriteLine(sqliteSlow.Count == 0
            ? $"All SQLite p95 below the {TargetMs} ms target."
            : $"{sqliteSlow.Count} SQLite requests miss the {TargetMs} ms p95 target: {string.Join(", ", sqliteSlow.Select(r => r.Name))}");
        return sqliteSlow.Count == 0 ? 0 : 1;
    }

    private static async Task<List<Timed>> RunProviderAsync(BenchOptions options, string provider)
    {
        Console.WriteLine($"\n[{provider}]");
        var folder = Directory.CreateTempSubdirectory("bench-dashboard-").FullName;
        PostgresServer? postgres = null;
        try
        {
            string connectionString;
            if (provider == "sqlite")
            {
                connectionString = $"Data Source={Path.Combine(folder, "portal.db")}";
            }
            else
            {
                postgres = await PostgresServer.StartAsync();
                connectionString = await postgres.CreateDatabaseAsync("portal_bench");
            }

            var seeded = await new Seeder(options, provider, connectionString).SeedAsync();
            Console.WriteLine($"  seeding took {seeded.Took.TotalSeconds:0.0} s");
            var started = Stopwatch.StartNew();
            await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider == "sqlite" ? "Sqlite" : "PostgreSql",
                ["ConnectionStrings:Portal"] = connectionString,
                ["Portal:AdminEmail"] = seeded.AdminEmail,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Hangfire:WorkerCount"] = "2",
            }, TimeSpan.FromMinutes(5));
            Console.WriteLine($"  portal started in {started.Elapsed.TotalSeconds:0.0} s (it re-registers a recurring job per export)");

            using var timing = new Timing(portal.BaseAddress, options.Repeat);
            var results = new List<Timed>();
            foreach (var (who, email) in new[] { ("admin", seeded.AdminEmail), ("user", seeded.UserEmail) })
            {
                await timing.SignInAsync(email, seeded.Password);
                foreach (var (name, url) in Requests(seeded, who == "admin"))
                {
                    var result = await timing.MeasureAsync($"{provider} {who}", name, url);
                    results.Add(result);
                    Console.WriteLine(Row(result));
                }
            }
            return results;
        }
        finally
        {
            if (postgres is not null) await postgres.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (options.Keep) Console.WriteLine($"  kept {folder}");
            else Delete(folder);
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is the OS's to clean.
        }
    }

    private static IEnumerable<(string Name, string Url)> Requests(SeededData seeded, bool admin)
    {
        var e = seeded.ExportId;
        var r = seeded.RunId;
        yield return ("page /", "/");
        yield return ("page /exports", "/exports");
        yield return ($"page /exports/{{id}}", $"/exports/{e}");
        yield return ($"page /runs/{{id}}", $"/runs/{r}");
        yield return ("api tiles", "/api/dashboard/tiles");
        yield return ("api daily 30 d", "/api/dashboard/daily?days=30");
        yield return ("api daily 90 d", "/api/dashboard/daily?days=90");
        yield return ("api exports (last run)", "/api/exports?page=0&pageSize=25");
        yield return ("api exports page 40", "/api/exports?page=40&pageSize=25");
        yield return ("api exports by name", "/api/exports?sortBy=name&pageSize=25");
        yield return ("api exports by next run", "/api/exports?sortBy=nextrun&pageSize=25");
        yield return ("api exports failed", "/api/exports?outcome=failed&pageSize=25");
        yield return ("api exports search", "/api/exports?search=project-12&pageSize=25");
        if (admin)
        {
            yield return ("api exports by owner", "/api/exports?sortBy=owner&pageSize=25");
            yield return ("api exports one owner", $"/api/exports?ownerId={Uri.EscapeDataString(seeded.UserId)}&pageSize=25");
            yield return ("api tiles one owner", $"/api/dashboard/tiles?ownerId={Uri.EscapeDataString(seeded.UserId)}");
        }
        yield return ("api export", $"/api/exports/{e}");
        yield return ("api export runs page", $"/api/exports/{e}/runs?page=0&pageSize=10");
        yield return ("api export chart", $"/api/dashboard/exports/{e}/runs?last=30");
        yield return ("api run", $"/api/runs/{r}");
        yield return ("api run files", $"/api/runs/{r}/files?skip=0&take=50");
        yield return ("api run files failed", $"/api/runs/{r}/files?outcome=Failed&skip=0&take=50");
        yield return ("api run files page 90", $"/api/runs/{r}/files?skip=4500&take=50");
    }

    private static string Row(Timed t) => string.Create(CultureInfo.InvariantCulture,
        $"  {t.Scenario,-17} {t.Name,-26} median {t.MedianMs,7:0.0} ms  p95 {t.P95Ms,7:0.0} ms  max {t.MaxMs,7:0.0} ms  {t.Bytes,9:N0} B  {(t.P95Ms < TargetMs ? "ok" : "SLOW")}");

    private static void Print(List<Timed> results)
    {
        Console.WriteLine();
        Console.WriteLine("| scenario | request | median ms | p95 ms | max ms | < 300 ms p95 |");
        Console.WriteLine("|---|---|---:|---:|---:|---|");
        foreach (var t in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {t.Scenario} | {t.Name} | {t.MedianMs:0.0} | {t.P95Ms:0.0} | {t.MaxMs:0.0} | {(t.P95Ms < TargetMs ? "yes" : "**no**")} |"));
    }
}
