using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Client.Connections;
using Portal.Data;
using Portal.Data.Providers;
using Portal.Runs;
using Portal.Testbed.Databases;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Portal.Testbed.S3;
using Portal.Tests.E2E.Scale;
using Portal.Contracts.Connections;

namespace Portal.Tests.E2E.Fencing;

/// <summary>
/// A web node and two worker nodes as real processes on one PostgreSQL database, with the S3 test server and the Domino
/// double, set up through the web node: the stage on which a worker is frozen (SIGSTOP) and resumed (SIGCONT).
/// StaleRunAfter is short, so a frozen worker's run is taken over within half a minute.
/// </summary>
public sealed class FencingCluster : IAsyncLifetime
{
    public const string Bucket = "fencing";
    public const string Group = "fenced";
    public static readonly TimeSpan StaleRunAfter = TimeSpan.FromSeconds(20);
    // Long enough for a healthy S3 request on a loaded 2-core machine (4 s timed out there), short enough for a 20 s StaleRunAfter.
    public static readonly TimeSpan S3RequestTimeout = TimeSpan.FromSeconds(8);
    private const string AdminEmail = "admin@example.com";
    private readonly List<Task<PortalProcess>> _starting = [];
    private PostgresServer? _postgres;
    private string _connectionString = "";

    public S3Server S3 { get; private set; } = null!;
    public DominoDouble Domino { get; private set; } = null!;
    public PortalHttp Admin { get; private set; } = null!;
    public DominoUser Owner { get; private set; } = null!;
    public int DeploymentId { get; private set; }
    public int S3TargetId { get; private set; }
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public PortalProcess Web => _starting[0].Result;
    public PortalProcess WorkerA => _starting[1].Result;
    public PortalProcess WorkerB => _starting[2].Result;

    public async Task InitializeAsync()
    {
        var pg = PostgresServer.StartAsync();
        var s3 = S3Server.StartAsync(Bucket);
        Domino = await DominoDouble.StartAsync();
        _postgres = await pg;
        S3 = await s3;
        _connectionString = await _postgres.CreateDatabaseAsync("portal");
        _starting.Add(StartNodeAsync("web", "web"));
        _starting.Add(StartNodeAsync("worker", "worker-a"));
        _starting.Add(StartNodeAsync("worker", "worker-b"));
        await Task.WhenAll(_starting);

        Admin = await PortalHttp.RegisterAsync(Web.BaseAddress, AdminEmail, "Portal-Test-1");
        Owner = Domino.AddUser("owner");
        DeploymentId = await Admin.SaveDominoAsync(new DominoDeploymentForm { Name = "Domino", ApiUrl = Domino.Url.ToString() });
        S3TargetId = await Admin.SaveS3TargetAsync(new S3TargetForm
        {
            Name = "S3",
            Bucket = Bucket,
            EndpointUrl = S3.Url.ToString(),
            AccessKeyId = S3Server.Credentials.AccessKey,
            SecretAccessKey = S3Server.Credentials.SecretKey,
        });
        await Admin.SaveDominoKeyAsync(DeploymentId, Owner.ApiKey);
    }

    private Task<PortalProcess> StartNodeAsync(string role, string name) => PortalProcess.StartAsync(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Portal"] = _connectionString,
        ["Portal:AdminEmail"] = AdminEmail,
        ["Portal:Role"] = role,
        ["Portal:NodeName"] = name,
        ["Hangfire:WorkerCount"] = "2",
        ["Exports:StaleRunAfter"] = StaleRunAfter.ToString(),
        ["Exports:S3RequestTimeout"] = S3RequestTimeout.ToString(),
        ["Exports:StallTimeout"] = S3RequestTimeout.ToString(),
        ["Exports:ProgressInterval"] = "00:00:01",
        ["Exports:PartSize"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, TimeSpan.FromMinutes(3));

    public PortalDbContext Db()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlPortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.PostgreSql, _connectionString);
        return new PostgreSqlPortalDbContext(options.Options);
    }

    public async Task<Run> RunAsync(long id)
    {
        await using var db = Db();
        return await db.Runs.AsNoTracking().Include(r => r.Stages).Include(r => r.Files).AsSplitQuery().SingleAsync(r => r.Id == id);
    }

    public async Task<Portal.Exports.Export> ExportAsync(int id)
    {
        await using var db = Db();
        return await db.Exports.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    public async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var deadline = Clock.Elapsed + timeout;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (Clock.Elapsed > deadline) throw new TimeoutException($"Waited {timeout} for {what}.");
            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        foreach (var node in _starting)
            if (node.IsCompletedSuccessfully)
            {
                if (!node.Result.HasExited) node.Result.Resume(); // a frozen process ignores SIGKILL's clean-up until it runs again
                await node.Result.DisposeAsync();
            }
        if (Domino is not null) await Domino.DisposeAsync();
        if (S3 is not null) await S3.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
