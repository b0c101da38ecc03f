using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Data.Providers;
using Portal.Health;

namespace Portal.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Portal";
    public const string SqliteFileName = "portal.db";

    /// <summary>The one place that turns a provider and a connection string into EF Core options, at run and design time.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>The portal's database: the provider's context, <c>Database</c> options and the readiness check.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider,
        string connectionString)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddPortalDbContext(provider, connectionString);
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: [PortalHealth.ReadyTag]);
        return services;
    }

    /// <summary>Registers <see cref="PortalDbContext"/> as the provider's derived context, so the provider's migrations apply.</summary>
    public static IServiceCollection AddPortalDbContext(
        this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        Action<DbContextOptionsBuilder> configure = o => o.UsePortalDatabase(provider, connectionString);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(configure),
            DatabaseProvider.SqlServer => services.AddDbContext<PortalDbContext, SqlServerPortalDbContext>(configure),
            DatabaseProvider.PostgreSql => services.AddDbContext<PortalDbContext, PostgreSqlPortalDbContext>(configure),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:Portal</c>; for SQLite it defaults to <c>portal.db</c> in the data folder.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, DatabaseProvider provider, string dataPath)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        return provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(dataPath, SqliteFileName)}"
            : throw new InvalidOperationException(
                $"Database:Provider is {provider}: set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}).");
    }
}
