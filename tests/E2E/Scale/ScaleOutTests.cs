using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Providers;
using Portal.Runs;
using Portal.Testbed.Databases;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Portal.Testbed.S3;
using Xunit.Abstractions;
using Portal.Contracts.Connections;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Tests.E2E.Scale;

/// <summary>
/// Three portal processes on one PostgreSQL database — a web node and two worker nodes, started together
/// on an empty database — with twenty-one exports scheduled every minute, the S3 test server and the
/// Domino double. One test walks two minute ticks, because the ticks are the slow part: "Run now" from
/// the web node, a tick spread over both workers, a worker killed mid-run, the next tick on the survivor.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Bucket = "scale-out";
    private const string Group = "scale";
    private const string AdminEmail = "admin@example.com";
    private const string Password = "Portal-Test-1";
    private const string S3Secret = "s3-secret-saved-on-the-web-node";
    private const int FastExports = 20;
    private static readonly TimeSpan StaleRunAfter = TimeSpan.FromSeconds(10);
    private static readonly string[] WorkerNames = ["worker-a", "worker-b"];

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<Task<PortalProcess>> starting = [];
    private PostgresServer? postgres;
    private S3Server? s3;
    private DominoDouble? domino;
    private string connectionString = "";

    private PortalProcess Web => starting[0].Result;

    private PortalProcess Worker(string name) => starting[1 + Array.IndexOf(WorkerNames, name)].Result;

    public async Task InitializeAsync()
    {
        var pg = PostgresServer.StartAsync();
        var objects = S3Server.StartAsync(Bucket);
        domino = await DominoDouble.StartAsync();
        postgres = await pg;
        s3 = await objects;
        connectionString = await postgres.CreateDatabaseAsync("portal");

        // All three at once on the empty database: each migrates, prepares Hangfire's schema and the key ring.
        starting.Add(StartNodeAsync("web", "web"));
        starting.AddRange(WorkerNames.Select(name => StartNodeAsync("worker", name)));
        await Task.WhenAll(starting);
        Log("three nodes are up");
    }

    private Task<PortalProcess> StartNodeAsync(string role, string name) => PortalProcess.StartAsync(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Portal"] = connectionString,
        ["Portal:AdminEmail"] = AdminEmail,
        ["Portal:Role"] = role,
        ["Portal:NodeName"] = name,
        ["Hangfire:WorkerCount"] = "3",
        ["Hangfire:InvisibilityTimeout"] = "00:00:20",
        ["Exports:StaleRunAfter"] = StaleRunAfter.ToString(),
        // A run's lease must end (with its last S3 request) before another node may take its export over.
        ["Exports:S3RequestTimeout"] = "00:00:04",
        ["Exports:ProgressInterval"] = "00:00:01",
    }, TimeSpan.FromMinutes(3));

    [Fact]
    public async Task A_web_and_two_worker_nodes_run_each_tick_once_and_a_dead_workers_export_runs_on_the_survivor()
    {
        var domino = this.domino!;

        // Three nodes migrated one empty database at once: EF Core's lock let one apply the migrations; one key ring.
        var logs = new[] { Web.Log }.Concat(WorkerNames.Select(n => Worker(n).Log)).ToList();
        Assert.Equal(1, logs.Sum(log => Occurrences(log, "_InitialCreate'")));
        await using (var db = Db())
            Assert.Single(await db.DataProtectionKeys.ToListAsync());

        // Only the workers run a Hangfire server.
        var servers = await WaitForAsync(async () =>
        {
            await using var db = Db();
            var ids = await db.Database.SqlQueryRaw<string>("SELECT id AS \"Value\" FROM hangfire.server").ToListAsync();
            return ids.Count >= WorkerNames.Length ? ids : null;
        }, TimeSpan.FromSeconds(60), "the workers' Hangfire servers");
        Assert.Equal(WorkerNames, servers.Select(id => id[..id.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));

        // A worker answers its health checks and nothing else.
        using (var probe = new HttpClient { BaseAddress = Worker("worker-a").BaseAddress })
        {
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);
            foreach (var path in new[] { "/", "/Account/Login", "/api/exports", "/hangfire", "/v1/exports" })
                Assert.Equal(HttpStatusCode.NotFound, (await probe.GetAsync(path)).StatusCode);
        }

        // Everything is set up through the web node: connections with their secrets, the owner's Domino key, the exports.
        using var admin = await PortalHttp.RegisterAsync(Web.BaseAddress, AdminEmail, Password);
        var owner = domino.AddUser("owner");
        var deployment = await admin.SaveDominoAsync(new DominoDeploymentForm { Name = "Domino", ApiUrl = domino.Url.ToString() });
        var target = await admin.SaveS3TargetAsync(new S3TargetForm
        {
            Name = "S3",
            Bucket = Bucket,
            EndpointUrl = s3!.Url.ToString(),
            AccessKeyId = S3Server.Credentials.AccessKey,
            SecretAccessKey = S3Secret,
        });
        await admin.SaveDominoKeyAsync(deployment, owner.ApiKey);

        var fast = new List<int>();
        for (var i = 1; i <= FastExports; i++)
        {
            var project = domino.AddProject(owner, $"fast-{i}");
            var rows = TestContent.Generated(50_000, seed: i);
            project.Commit(new TestFile("README.md", TestContent.FromText($"fast {i}")), new TestFile("data/rows.csv", rows));
            // A couple of seconds per first run: one idle worker cannot drain a tick before the other polls the queue.
            domino.Faults.ThrottleBlob(rows.Key, 25_000);
            fast.Add(await admin.SaveExportAsync(Form(owner, project, deployment, target, $"fast{i}", "* * * * *", enabled: false)));
        }
        // The slow export's big file trickles out of Domino, so its run is still going when its node is killed.
        var big = TestContent.Generated(3_000_000, seed: 1000);
        var slowProject = domino.AddProject(owner, "slow");
        slowProject.Commit(new TestFile("README.md", TestContent.FromText("slow")), new TestFile("data/big.bin", big));
        domino.Faults.ThrottleBlob(big.Key, 20_000);
        var slow = await admin.SaveExportAsync(Form(owner, slowProject, deployment, target, "slow", "* * * * *", enabled: false));
        var manualProject = domino.AddProject(owner, "manual");
        manualProject.Commit(new TestFile("README.md", TestContent.FromText("manual")));
        var manual = await admin.SaveExportAsync(Form(owner, manualProject, deployment, target, "manual", "0 3 * * *", enabled: true));
        Log("connections, key and 22 exports saved through the web node");

        // "Run now" on the web node: a worker runs it, once, with the key and secret the web node stored.
        var manualRunId = await admin.RunNowAsync(manual);
        var manualRun = await WaitForAsync(async () => await RunAsync(manualRunId) is { } r && r.Status.IsFinished() ? r : null,
            TimeSpan.FromSeconds(90), "the run-now run to end");
        Assert.Equal(StatusCode.Completed, manualRun.Status);
        Assert.Contains(manualRun.Node, WorkerNames);
        Assert.Single(await RunsOfAsync(manual));
        Log($"run now ran on {manualRun.Node}");

        // The 21 minute exports are switched on early in a minute, so they share their first tick.
        while (DateTime.UtcNow.Second is 0 or > 35) await Task.Delay(500);
        foreach (var id in fast.Append(slow)) await admin.EnableAsync(id);
        var tick1 = MinuteOf(DateTimeOffset.UtcNow).AddMinutes(1);
        var tick2 = tick1.AddMinutes(1);
        Log($"21 exports enabled; first tick {tick1:HH:mm:ss}");

        // Tick 1: every export's run is made, spread over both workers; the slow one is copying.
        var first = await WaitForAsync(async () =>
        {
            var runs = await TickRunsAsync(tick1);
            return runs.Count == FastExports + 1 && runs.All(r => r.Node is not null)
                   && runs.Single(r => r.ExportId == slow).Stages.Any(s => s.Code == StatusCode.ProjectFileTansferToS3Started)
                ? runs
                : null;
        }, tick1 - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90), "tick 1's runs");

        // The slow run's node dies (SIGKILL: nothing of its own shutdown runs), whatever else it is running.
        var dying = first.Single(r => r.ExportId == slow);
        var victim = dying.Node!;
        var survivor = WorkerNames.Single(n => n != victim);
        Assert.True(tick2 - DateTimeOffset.UtcNow > StaleRunAfter + TimeSpan.FromSeconds(3),
            "The machine was too slow: tick 1 started too close to tick 2 for the killed run's heartbeat to go stale in between.");
        await Worker(victim).KillAsync();
        Assert.True(Worker(victim).HasExited);
        domino.Faults.ThrottleBlob(big.Key, 0);
        Log($"killed {victim} while it ran run {dying.Id}");

        // Tick 1 ends: the survivor's runs complete, the dead node's are 102 (the stale-run job finds them).
        first = await WaitForAsync(async () =>
        {
            var runs = await TickRunsAsync(tick1);
            return runs.All(r => r.Status.IsFinished()) ? runs : null;
        }, tick2 - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60), "tick 1's runs to end");
        Assert.All(WorkerNames, name => Assert.True(first.Count(r => r.Node == name) >= 2, $"{name} took at least two of tick 1's runs"));
        Assert.All(first.Where(r => r.Node == survivor), r => Assert.Equal(StatusCode.Completed, r.Status));
        Assert.All(first.Where(r => r.Node == victim), r => Assert.Contains(r.Status, new[] { StatusCode.Completed, StatusCode.ExecutionNotComplete }));
        Log($"tick 1: {string.Join(", ", first.GroupBy(r => (r.Node, r.Status)).Select(g => $"{g.Key.Node} {(int)g.Key.Status} x{g.Count()}"))}");

        // Tick 2 on the survivor alone: the dead node's run is recorded as 102, and the slow export completes.
        var second = await WaitForAsync(async () =>
        {
            var runs = await TickRunsAsync(tick2);
            return runs.Count(r => r.Status.IsFinished()) == FastExports + 1 ? runs : null;
        }, tick2 - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(120), "tick 2's runs");
        Assert.All(second, r => Assert.Equal(survivor, r.Node));
        Assert.All(second.Where(r => r.ExportId != slow), r => Assert.Contains(r.Status, new[] { StatusCode.Completed, StatusCode.Skipped }));
        var interrupted = (await RunAsync(dying.Id))!;
        Assert.Equal(StatusCode.ExecutionNotComplete, interrupted.Status);
        Assert.Contains("heartbeats", interrupted.Message, StringComparison.Ordinal);
        var recovered = second.Single(r => r.ExportId == slow);
        Assert.Equal(StatusCode.Completed, recovered.Status);
        Assert.Equal(big.Length, (await s3.ReadTreeAsync(Bucket, $"projects/{Group}/slow/latest/"))["data/big.bin"].ReadSize);
        Log($"tick 2: {second.Count} runs on {survivor}; run {dying.Id} is 102, run {recovered.Id} completed");

        // Hangfire hands the dead node's job to the survivor once its invisibility timeout passes: recognised, not run again.
        await WaitForAsync(() => Task.FromResult(Worker(survivor).Log.Contains($"run {dying.Id} of export {slow} is not made twice",
            StringComparison.Ordinal) ? "" : null), TimeSpan.FromSeconds(90), "the dead node's job to be delivered again");
        Log("the dead node's job came back to the survivor and made no second run");

        // Every tick of every export ran exactly once, each from its own Hangfire job; nothing was refused as "already running".
        var all = await AllRunsAsync();
        Assert.DoesNotContain(all, r => r.Status == StatusCode.ExecutionScheduleTimeout);
        Assert.DoesNotContain(all, r => r.Node == "web");
        foreach (var id in fast.Append(slow))
        {
            var scheduled = all.Where(r => r.ExportId == id && r.Trigger == RunTrigger.Schedule).ToList();
            var ticks = scheduled.GroupBy(r => MinuteOf(r.CreatedAt)).ToList();
            Assert.All(ticks, t => Assert.Single(t));
            Assert.Contains(ticks, t => t.Key == tick1);
            Assert.Contains(ticks, t => t.Key == tick2);
            Assert.Equal(scheduled.Count, scheduled.Select(r => r.JobId).Where(j => j is not null).Distinct().Count());
        }

        // The secrets were stored (encrypted) by the web node and read by the workers.
        await using (var db = Db())
        {
            Assert.DoesNotContain(owner.ApiKey, (await db.DominoApiKeys.SingleAsync()).ProtectedKey, StringComparison.Ordinal);
            Assert.NotEqual(S3Secret, (await db.S3Destinations.SingleAsync()).SecretAccessKey);
        }
        Assert.Contains(domino.Requests, r => r.RawTarget.Contains("/blobs/", StringComparison.Ordinal) && r.ApiKey == owner.ApiKey);
        Log("done");
    }

    private static ExportForm Form(DominoUser owner, TestProject project, int deployment, int target, string name, string schedule,
        bool enabled) => new()
    {
        Kind = ExportKind.Project,
        DominoDeploymentId = deployment,
        DominoOwnerName = owner.UserName,
        DominoProjectName = project.Name,
        GroupName = Group,
        ProjectName = name,
        ExportFiles = true,
        ExportImage = false,
        S3TargetId = target,
        Schedule = schedule,
        TimeZone = "UTC",
        Enabled = enabled,
    };

    private PortalDbContext Db()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlPortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.PostgreSql, connectionString);
        return new PostgreSqlPortalDbContext(options.Options);
    }

    private async Task<List<Run>> AllRunsAsync()
    {
        await using var db = Db();
        return await db.Runs.AsNoTracking().Include(r => r.Stages).ToListAsync();
    }

    private async Task<List<Run>> RunsOfAsync(int exportId) => (await AllRunsAsync()).Where(r => r.ExportId == exportId).ToList();

    private async Task<Run?> RunAsync(long id) => (await AllRunsAsync()).SingleOrDefault(r => r.Id == id);

    /// <summary>The scheduled runs made for the tick at <paramref name="tick"/> (each is created when a worker takes its job).</summary>
    private async Task<List<Run>> TickRunsAsync(DateTimeOffset tick) =>
        (await AllRunsAsync()).Where(r => r.Trigger == RunTrigger.Schedule && MinuteOf(r.CreatedAt) == tick).ToList();

    private static DateTimeOffset MinuteOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class =>
        Poll.ForAsync(probe, what, timeout, async () => $"Runs:\n{string.Join("\n", (await AllRunsAsync())
            .OrderBy(r => r.Id).Select(r => $"#{r.Id} export {r.ExportId} {r.Trigger} {r.Status} on {r.Node} at {r.CreatedAt:HH:mm:ss} job {r.JobId}: {r.Message}"))}",
            TimeSpan.FromSeconds(1));

    private void Log(string message) => output.WriteLine($"{clock.Elapsed:mm\\:ss} {message}");

    public async Task DisposeAsync()
    {
        foreach (var node in starting)
            if (node.IsCompletedSuccessfully) await node.Result.DisposeAsync();
        if (domino is not null) await domino.DisposeAsync();
        if (s3 is not null) await s3.DisposeAsync();
        if (postgres is not null) await postgres.DisposeAsync();
    }
}
