using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Accounts.SingleSignOn;
using Portal.Data;

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
    public static async Task<PortalServices> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string? databaseFile = null)
    {
        var folder = Directory.CreateTempSubdirectory("portal-unit-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalOptions(configuration, folder)
            .AddPortalData(DatabaseProvider.Sqlite, $"Data Source={databaseFile ?? Path.Combine(folder, "portal.db")}")
            .AddPortalAccounts()
            .AddSingleSignOn(configuration)
            .AddPortalNotifications();
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
