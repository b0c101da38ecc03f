using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accounts;
using Portal.Audit;
using Portal.Client.Accounts;
using Portal.Connections;
using Portal.Data;
using Portal.Nodes;
using Portal.Notifications;
using Portal.Exports;
using Portal.Profile;
using Portal.Runs;
using Portal.Testbed.Domino;
using Portal.Contracts.Accounts;
using Portal.Contracts.Connections;
using Portal.Contracts.Exports;
using Portal.Templates;
using Portal.Security;
using Portal.Jobs;
using Portal.Health;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Runs;

/// <summary>
/// The portal's own registrations (accounts, jobs, exports) over a fresh SQLite database, pointed at
/// the fixture's real services. No web host and no Hangfire server: tests call the runner themselves,
/// so each step happens when the test says.
/// </summary>
public sealed class ExportsHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ExportsHost(ServiceProvider provider, string folder, CapturedLogs logs)
    {
        _provider = provider;
        Folder = folder;
        Logs = logs;
    }

    public string Folder { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => _provider;

    /// <param name="database">Another database than a fresh SQLite file (PostgreSQL for the tests that stop it).</param>
    /// <param name="logging">Filters to apply (the portal's own levels); without it everything at Information and up is kept.</param>
    public static async Task<ExportsHost> StartAsync(PortalExportsFixture fixture, IReadOnlyDictionary<string, string?>? settings = null,
        string? nodeName = null, (DatabaseProvider Provider, string ConnectionString)? database = null,
        Action<ILoggingBuilder>? logging = null)
    {
        var folder = Directory.CreateTempSubdirectory("portal-exports-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Portal:NodeName"] = nodeName ?? "test-node",
            ["Docker:Endpoint"] = fixture.Podman.Endpoint.ToString(),
            ["Docker:PingTimeout"] = "00:00:05",
            ["Domino:RetryDelay"] = "00:00:00.020",
            ["Exports:ProgressInterval"] = "00:00:00.200",
            ["Exports:RetryDelay"] = "00:00:00.010",
            // The tests' webhook receivers listen on loopback, which webhooks may not reach by default.
            ["Notifications:WebhookAllowedNetworks:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturedLogs();
        var (provider, connectionString) = database ?? (DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "portal.db")}");
        var services = new ServiceCollection()
            .AddLogging(builder =>
            {
                builder.AddProvider(logs);
                logging?.Invoke(builder);
            })
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalOptions(configuration, folder)
            .AddNodes(configuration, NodeRole.All)
            .AddData(configuration, provider, connectionString)
            .AddSecurity()
            .AddAccounts(configuration)
            .AddAudit(configuration)
            .AddJobs(configuration, provider, connectionString, NodeRole.All)
            .AddDomain(configuration)
            .AddHealth(configuration)
            .AddPortalConnections()
            .AddTemplates()
            .AddProfile()
            .AddExports(configuration)
            .AddRuns()
            .AddNotifications(configuration);
        services.Configure<DatabaseOptions>(o => o.Provider = provider);
        var host = new ExportsHost(services.BuildServiceProvider(), folder, logs);
        await host._provider.MigratePortalDatabaseAsync();
        return host;
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope, as a request would.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TResult> DbAsync<TResult>(Func<PortalDbContext, Task<TResult>> work) =>
        await WithAsync<PortalDbContext, TResult>(work);

    /// <summary>An approved user (an admin when <paramref name="admin"/>).</summary>
    public async Task<PortalUser> UserAsync(string email, bool admin = false)
    {
        await using var scope = _provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, Status = AccountStatus.Approved };
        Assert.True((await users.CreateAsync(user, "Passw0rd!long")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, admin ? PortalRoles.Admin : PortalRoles.User)).Succeeded);
        return new PortalUser(user.Id, email, admin);
    }

    /// <summary>
    /// Connections to the fixture's services, saved through the admin's service as the page would;
    /// scenarios in one host share them (an S3 target per bucket and secret).
    /// </summary>
    public async Task<(int Domino, int S3, int Registry)> ConnectionsAsync(PortalExportsFixture fixture, string? s3Secret = null,
        string? bucket = null, Uri? s3Endpoint = null)
    {
        var existing = await WithAsync<ConnectionService, ConnectionsOverview>(s => s.GetAsync(default));
        var s3Name = $"S3 {bucket ?? PortalExportsFixture.Bucket}{(s3Secret is null ? "" : " (other secret)")}{(s3Endpoint is null ? "" : $" at {s3Endpoint.Port}")}";
        var domino = existing.Deployments.FirstOrDefault()?.Id ?? (await WithAsync<ConnectionService, Contracts.Shared.SaveResult>(s =>
            s.SaveDeploymentAsync(null, new DominoDeploymentForm
            {
                Name = "Domino",
                ApiUrl = fixture.Domino.Url.ToString(),
                RegistryHost = fixture.DominoRegistry.Host,
            }, default))).Id;
        var s3 = existing.S3Targets.FirstOrDefault(t => t.Name == s3Name)?.Id ?? (await WithAsync<ConnectionService, Contracts.Shared.SaveResult>(s =>
            s.SaveS3TargetAsync(null, new S3TargetForm
            {
                Name = s3Name,
                Bucket = bucket ?? PortalExportsFixture.Bucket,
                EndpointUrl = (s3Endpoint ?? fixture.S3.Url).ToString(),
                AccessKeyId = Testbed.S3.S3Server.Credentials.AccessKey,
                SecretAccessKey = s3Secret ?? Testbed.S3.S3Server.Credentials.SecretKey,
            }, default))).Id;
        var registry = existing.Registries.FirstOrDefault()?.Id ?? (await WithAsync<ConnectionService, Contracts.Shared.SaveResult>(s =>
            s.SaveRegistryAsync(null, new RegistryTargetForm
            {
                Name = "Registry",
                Host = fixture.Target.Host,
                UserName = PortalExportsFixture.TargetUser,
                Password = PortalExportsFixture.TargetPassword,
            }, default))).Id;
        Assert.True(domino is not null && s3 is not null && registry is not null, "the connections save");
        return (domino.Value, s3.Value, registry.Value);
    }

    public async Task StoreKeyAsync(PortalUser user, int deploymentId, DominoUser dominoUser)
    {
        var saved = await WithAsync<DominoKeyService, Contracts.Profile.SaveKeyResult>(s => s.SaveAsync(user, deploymentId, dominoUser.ApiKey, default));
        Assert.True(saved.Succeeded, saved.Message);
    }

    public async Task<int> CreateExportAsync(PortalUser user, ExportForm form)
    {
        var saved = await WithAsync<ExportForms, Contracts.Shared.SaveResult>(s => s.SaveAsync(user, null, form, default));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return saved.Id!.Value;
    }

    /// <summary>"Run now": a queued run (its Hangfire job is left in storage; the test runs it).</summary>
    public async Task<long> QueueRunAsync(PortalUser user, int exportId)
    {
        var started = await WithAsync<ExportActions, RunStarted>(s => s.RunNowAsync(user, exportId, RunTrigger.Manual, default));
        Assert.True(started.Succeeded, started.Message);
        return started.RunId!.Value;
    }

    /// <summary>Runs a queued run as its Hangfire job would: one runner in a scope of its own.</summary>
    public async Task RunAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExportRunner>().RunAsync(runId, cancellationToken);
    }

    public Task<Run> RunRecordAsync(long runId) => DbAsync(db => db.Runs.AsNoTracking()
        .Include(r => r.Stages).Include(r => r.Files).Include(r => r.Images).Include(r => r.Layers).SingleAsync(r => r.Id == runId));

    public Task<Export> ExportRecordAsync(int exportId) => DbAsync(db => db.Exports.AsNoTracking().SingleAsync(e => e.Id == exportId));

    public Task<List<RecurringJobDto>> RecurringJobsAsync()
    {
        using var connection = Get<JobStorage>().GetConnection();
        return Task.FromResult(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection));
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
