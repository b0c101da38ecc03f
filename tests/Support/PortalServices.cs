using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Nodes;
using Portal.Jobs;
using Portal.Security;
using Portal.Notifications;
using Portal.Accounts;
using Portal.Audit;

namespace Portal.Tests.Support;

/// <summary>
/// The portal's own service registrations (DependencyInjection.cs) over a real SQLite file with the
/// committed migrations applied: what the web host builds, without the web host.
/// </summary>
public sealed class PortalServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private PortalServices(ServiceProvider provider, string folder, CapturedLogs logs)
    {
        this.provider = provider;
        Folder = folder;
        Logs = logs;
    }

    public string Folder { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => provider;

    /// <param name="settings">Configuration keys such as <c>Portal:AdminEmail</c>.</param>
    /// <param name="databaseFile">Share one database between two instances (two "nodes").</param>
    /// <param name="features">More of the portal's features to register (<c>AddTemplates()</c>, ...).</param>
    public static async Task<PortalServices> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string? databaseFile = null,
        Action<IServiceCollection, IConfiguration>? features = null)
    {
        var folder = Directory.CreateTempSubdirectory("portal-unit-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var logs = new CapturedLogs();
        var connectionString = $"Data Source={databaseFile ?? Path.Combine(folder, "portal.db")}";
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalOptions(configuration, folder)
            .AddNodes(configuration, NodeRole.All)
            .AddData(configuration, DatabaseProvider.Sqlite, connectionString)
            .AddSecurity()
            .AddAccounts(configuration)
            .AddAudit(configuration)
            .AddNotifications(configuration)
            .AddJobs(configuration, DatabaseProvider.Sqlite, connectionString, NodeRole.All);
        features?.Invoke(services, configuration);
        var portal = new PortalServices(services.BuildServiceProvider(validateScopes: true), folder, logs);
        await portal.provider.MigratePortalDatabaseAsync();
        return portal;
    }

    public AsyncServiceScope CreateScope() => provider.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
