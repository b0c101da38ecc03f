using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Connections;
using Portal.Data;
using Portal.Domain.Schedules;
using Portal.Runs;
using Portal.Contracts.Accounts;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Security;
using Portal.Notifications;
using Portal.Accounts;

namespace Portal.Bench.Dashboard;

/// <summary>What the benchmark signs in as and looks at.</summary>
internal sealed record SeededData(string AdminEmail, string UserEmail, string Password, string UserId, int ExportId, long RunId, TimeSpan Took);

/// <summary>
/// A portal database the size the dashboard must stay fast at: migrated by the portal's own code, accounts made with
/// its UserManager, then exports, runs, stages, files, images, daily totals and health checks bulk-inserted.
/// </summary>
internal sealed class Seeder(BenchOptions options, string provider, string connectionString)
{
    public const string Password = "Bench-Passw0rd!";
    private static readonly int[] Failures = [120, 141, 199, 116, 142];
    private readonly DateTimeOffset now = new(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour), TimeSpan.Zero);
    private SeedRun[] runs = [];
    private Dictionary<int, SeedRun> lastRuns = [];

    public async Task<SeededData> SeedAsync()
    {
        var clock = Stopwatch.StartNew();
        // Ids in creation order, as the database hands them out: a day's runs sit together in the table.
        runs = [.. Enumerable.Range(1, options.Exports).SelectMany(RunsOf).OrderBy(r => r.Created).Select((r, i) => r with { Id = i + 1 })];
        lastRuns = runs.GroupBy(r => r.ExportId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Number)!);
        var users = await CreateAccountsAsync();
        await using var writer = BulkWriter.For(provider, connectionString);
        var userId = users[1];
        Log($"{await writer.WriteAsync("Exports", ExportColumns, Exports(users)),9:N0} exports");
        Log($"{await writer.WriteAsync("Runs", RunColumns, runs.Select(RunRow)),9:N0} runs");
        var measured = Enumerable.Range(1, options.Exports).First(i => OwnerOf(i, users) == userId && !Archived(i));
        Log($"{await writer.WriteAsync("RunStages", ["RunId", "Code", "At"], lastRuns.Values.SelectMany(StageRows)),9:N0} stages (last run of each export)");
        Log($"{await writer.WriteAsync("RunImages", ["RunId", "Reference", "Digest", "Size"], lastRuns.Values.Where(r => r.ImageBytes > 0).SelectMany(ImageRows)),9:N0} images");
        Log($"{await writer.WriteAsync("RunFiles", ["RunId", "Path", "Size", "Sha256", "Outcome", "Attempts", "Error"], FileRows(lastRuns[measured].Id)),9:N0} files (of the measured run)");
        Log($"{await writer.WriteAsync("RunDailyStats", ["Day", "OwnerId", "Kind", "Outcome", "Runs", "Bytes", "Seconds"], DailyRows(users)),9:N0} daily totals");
        Log($"{await writer.WriteAsync("ComponentChecks", ["CheckedAt", "Component", "TargetId", "TargetName", "Healthy", "Message", "DurationMs"], CheckRows()),9:N0} health checks");
        await writer.FinishAsync(["Exports", "Runs", "RunStages", "RunImages", "RunFiles", "ComponentChecks"]);
        return new SeededData(AdminEmail, UserEmail(1), Password, userId, measured, lastRuns[measured].Id, clock.Elapsed);
    }

    private static string AdminEmail => "admin@bench.local";

    private static string UserEmail(int i) => $"user{i:000}@bench.local";

    private static void Log(string line) => Console.WriteLine($"  seeded {line}");

    /// <summary>Migrations, the admin and the users (only the two the benchmark signs in as get a password), and one of each connection.</summary>
    private async Task<List<string>> CreateAccountsAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:AdminEmail"] = AdminEmail }).Build();
        // The portal's options want a data folder; nothing is written to it here.
        var folder = Directory.CreateTempSubdirectory("bench-services-").FullName;
        try
        {
            return await CreateAccountsAsync(configuration, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<List<string>> CreateAccountsAsync(IConfiguration configuration, string folder)
    {
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalOptions(configuration, folder)
            .AddData(configuration, provider == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql, connectionString)
            .AddSecurity()
            .AddAccounts(configuration)
            .AddNotifications(configuration)
            .BuildServiceProvider();
        await services.MigratePortalDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var ids = new List<string>();
        for (var i = 0; i <= options.Users; i++)
        {
            var email = i == 0 ? AdminEmail : UserEmail(i);
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, Status = AccountStatus.Approved, CreatedAt = now.AddDays(-60) };
            var created = i <= 1 ? await accounts.CreateAsync(user, Password) : await accounts.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await accounts.AddToRoleAsync(user, PortalRoles.User);
            if (i == 0) await accounts.AddToRoleAsync(user, PortalRoles.Admin);
            ids.Add(user.Id);
        }
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Unreachable on purpose: the health job checks them while the benchmark runs, and fails fast.
        db.DominoDeployments.Add(new DominoDeployment { Name = "Domino", ApiUrl = "http://127.0.0.1:9", CreatedAt = now, UpdatedAt = now });
        db.S3Destinations.Add(new S3Destination { Name = "Archive", Bucket = "exports", EndpointUrl = "http://127.0.0.1:9", CreatedAt = now, UpdatedAt = now });
        db.RegistryDestinations.Add(new RegistryDestination { Name = "Registry", Host = "127.0.0.1:9", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        return ids;
    }

    // Exports: owners in turn (the first id is the admin, who owns none), a fifth environment exports, a tenth disabled, 1 in 50 archived.
    private static readonly string[] ExportColumns =
    [
        "Id", "ExportKey", "Kind", "OwnerId", "DominoDeploymentId", "DominoOwnerName", "DominoProjectName", "EnvironmentId", "GroupName",
        "ProjectName", "ExportFiles", "ExportImage", "S3DestinationId", "RegistryDestinationId", "TemplateId", "Schedule", "TimeZone", "ForceRun",
        "Enabled", "Archived", "CreatedAt", "UpdatedAt", "FilesLocation", "LastRunId", "LastStatus", "LastRunAt", "LastDurationSeconds", "LastBytes",
        "NextRunAt",
    ];

    private static string OwnerOf(int export, List<string> users) => users[1 + (export - 1) % (users.Count - 1)];

    private static bool IsEnvironment(int export) => export % 5 == 0;

    private static bool Archived(int export) => export % 50 == 1 && export > 1;

    private IEnumerable<object?[]> Exports(List<string> users)
    {
        // Weekly, three days from now: nothing fires while the benchmark runs; the next-run column still varies.
        var day = ((int)now.DayOfWeek + 3) % 7;
        foreach (var i in Enumerable.Range(1, options.Exports))
        {
            var env = IsEnvironment(i);
            var last = lastRuns[i];
            var cron = $"{i % 60} {i / 60 % 24} * * {day}";
            var enabled = i % 10 != 0 && !Archived(i);
            yield return
            [
                i, i.ToString("x32"), env ? nameof(ExportKind.Environment) : nameof(ExportKind.Project), OwnerOf(i, users), 1,
                env ? null : $"owner{i % 300}", env ? null : $"project-{i}", env ? $"env{i:x8}" : null, $"team-{i % 200}", $"project-{i}",
                !env, true, env ? null : 1, 1, 1, cron, "UTC", false, enabled, Archived(i), now.AddDays(-options.Days - 10), now.AddDays(-options.Days - 10),
                env ? null : $"s3://exports/projects/team-{i % 200}/project-{i}/latest", last.Id, last.Status, last.Started, last.Seconds, last.Bytes,
                enabled ? ExportSchedule.Parse(cron, "UTC").NextOccurrence(now) : null,
            ];
        }
    }

    private sealed record SeedRun(long Id, int ExportId, int Number, int Status, DateTimeOffset Created, DateTimeOffset Started, double Seconds,
        long FilesBytes, long ImageBytes, int Files)
    {
        public long Bytes => FilesBytes + ImageBytes;
    }

    /// <summary>An export's runs (ids not yet given), the same every time (a seeded random per export).</summary>
    private SeedRun[] RunsOf(int export)
    {
        var random = new Random(export);
        var count = options.RunsPerExport;
        var span = TimeSpan.FromDays(options.Days).TotalSeconds;
        var env = IsEnvironment(export);
        var result = new SeedRun[count];
        for (var n = 0; n < count; n++)
        {
            var roll = random.Next(100);
            var status = roll < 80 ? 290 : roll < 89 ? 200 : roll < 90 ? 101 : roll < 98 ? Failures[random.Next(Failures.Length)] : 104;
            var created = now.AddSeconds(-span + (n + random.NextDouble() * 0.8) * span / count);
            var seconds = status is 200 or 101 ? 2 + random.NextDouble() * 5 : 20 + random.NextDouble() * 1800;
            var done = status == 290;
            result[n] = new SeedRun(0, export, n + 1, status, created, created.AddSeconds(1), seconds,
                done && !env ? random.NextInt64(10_000_000, 2_000_000_000) : 0, done ? random.NextInt64(500_000_000, 5_000_000_000) : 0,
                env ? 0 : random.Next(10, 2000));
        }
        return result;
    }

    private static readonly string[] RunColumns =
    [
        "Id", "ExportId", "Number", "Trigger", "TriggeredBy", "Status", "Message", "CreatedAt", "StartedAt", "EndedAt", "HeartbeatAt", "Node",
        "CancelRequested", "FilesStatus", "FilesTotal", "FilesDone", "FilesFailed", "BytesTotal", "BytesDone", "ImageStatus", "ImageBytesTotal",
        "ImageBytesDone", "ExceptionType", "ExceptionDetails",
    ];

    private static object?[] RunRow(SeedRun r)
    {
        var failed = Failures.Contains(r.Status);
        var ended = r.Started.AddSeconds(r.Seconds);
        return
        [
            r.Id, r.ExportId, r.Number, r.Number % 20 == 0 ? nameof(RunTrigger.Manual) : nameof(RunTrigger.Schedule), r.Number % 20 == 0 ? "someone@bench.local" : null,
            r.Status, r.Status switch
            {
                290 => $"{r.Files} files transferred",
                104 => "Cancelled by someone@bench.local",
                _ when failed => "The S3 target refused the credentials (Access Denied)",
                _ => "Nothing changed since the last run",
            },
            r.Created, r.Started, ended, ended, "bench-node", r.Status == 104,
            r.Files > 0 ? r.Status : null, r.Files, r.Status == 290 ? r.Files : 0, failed ? 1 : 0, r.FilesBytes, r.FilesBytes,
            r.ImageBytes > 0 || r.Files == 0 ? r.Status : null, r.ImageBytes, r.ImageBytes,
            failed ? "Portal.Domain.Runs.ExportException" : null, failed ? "ExportException: Access Denied\n   at Portal.Domain.S3.S3Store.PutAsync()" : null,
        ];
    }

    private static IEnumerable<object?[]> StageRows(SeedRun r)
    {
        int[] codes = r.Files > 0 ? [300, 310, 315, 316, r.Status] : [300, 330, 331, 332, 335, 336, r.Status];
        return codes.Select((code, i) => new object?[] { r.Id, code, r.Started.AddSeconds(r.Seconds * i / (codes.Length - 1)) });
    }

    private static IEnumerable<object?[]> ImageRows(SeedRun r) =>
    [
        [r.Id, $"registry.bench.local/team/project-{r.ExportId}:v{r.Number}", $"sha256:{r.Id:x64}", r.ImageBytes],
        [r.Id, $"registry.bench.local/team/project-{r.ExportId}:latest", $"sha256:{r.Id:x64}", r.ImageBytes],
    ];

    private IEnumerable<object?[]> FileRows(long runId) => Enumerable.Range(1, options.FilesInMeasuredRun).Select(i => new object?[]
    {
        runId, $"data/part-{i / 100:000}/file-{i:00000}.parquet", 1_000_000L + i, $"{i:x64}", i % 97 == 0 ? "Failed" : i % 3 == 0 ? "Unchanged" : "Transferred",
        i % 97 == 0 ? 3 : 1, i % 97 == 0 ? "Domino answered 503 three times" : null,
    });

    /// <summary>The daily totals the recorder keeps as runs finish, added up from the same runs.</summary>
    private IEnumerable<object?[]> DailyRows(List<string> users)
    {
        var totals = new Dictionary<(DateOnly, string, string, string), (int Runs, long Bytes, double Seconds)>();
        foreach (var r in runs)
        {
            var outcome = r.Status switch { 290 => RunOutcome.Succeeded, 200 or 101 => RunOutcome.Skipped, 104 => RunOutcome.Cancelled, _ => RunOutcome.Failed };
            var key = (DateOnly.FromDateTime(r.Started.UtcDateTime), OwnerOf(r.ExportId, users),
                IsEnvironment(r.ExportId) ? nameof(ExportKind.Environment) : nameof(ExportKind.Project), outcome.ToString());
            var t = totals.GetValueOrDefault(key);
            totals[key] = (t.Runs + 1, t.Bytes + r.Bytes, t.Seconds + r.Seconds);
        }
        return totals.Select(t => new object?[] { t.Key.Item1, t.Key.Item2, t.Key.Item3, t.Key.Item4, t.Value.Runs, t.Value.Bytes, t.Value.Seconds });
    }

    /// <summary>The health job's rows: every minute, each component, for the retained days.</summary>
    private IEnumerable<object?[]> CheckRows()
    {
        (string Kind, string Name)[] components = [("Domino", "Domino"), ("S3", "Archive"), ("Registry", "Registry")];
        for (var at = now.AddDays(-options.Days); at <= now; at = at.AddMinutes(1))
            foreach (var (kind, name) in components)
                yield return [at, kind, 1, name, at.Minute % 17 != 0, at.Minute % 17 != 0 ? "answers" : "timed out", 12.5];
    }
}
