using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Nodes;

namespace Portal.Hosting;

/// <summary>
/// Tells whoever started the portal what they need next, once it listens: where to open it, where its data is,
/// who becomes Admin, and where the API is documented. Connection strings are never printed (they may hold passwords).
/// </summary>
internal sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, IServiceScopeFactory scopes, IHostEnvironment environment,
    IOptions<PortalOptions> portal, IOptions<DatabaseOptions> database, IServiceProvider services, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = PrintAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintAsync()
    {
        try
        {
            var servesWeb = services.GetNodeRole().ServesWeb();
            var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(no address)";
            url = url.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
            if (servesWeb) LogUrl(url, environment.EnvironmentName);
            var provider = database.Value.Provider;
            if (provider == DatabaseProvider.Sqlite) LogSqlite(Path.Combine(portal.Value.DataPath, DatabaseSetup.SqliteFileName));
            else LogDatabase(provider);
            if (servesWeb)
            {
                await LogFirstAccountAsync();
                LogDocs($"{url.TrimEnd('/')}/docs");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(e);
        }
    }

    private async Task LogFirstAccountAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.Users.AnyAsync()) return;
        var adminEmail = portal.Value.AdminEmail;
        if (string.IsNullOrWhiteSpace(adminEmail)) LogFirstAccountBecomesAdmin();
        else LogAdminEmailBecomesAdmin(adminEmail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal: open {Url} ({Environment} environment)")]
    private partial void LogUrl(string url, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database: SQLite file {File}")]
    private partial void LogSqlite(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database: {Provider} (ConnectionStrings:Portal)")]
    private partial void LogDatabase(DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "No accounts yet: the first account you register becomes the approved Admin")]
    private partial void LogFirstAccountBecomesAdmin();

    [LoggerMessage(Level = LogLevel.Information, Message = "No accounts yet: the account registered as {Email} (Portal:AdminEmail) becomes the approved Admin")]
    private partial void LogAdminEmailBecomesAdmin(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "API reference: {Url}")]
    private partial void LogDocs(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not print the start-up summary")]
    private partial void LogFailed(Exception exception);
}
