using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Portal.Data;

/// <summary>The database before the portal takes requests: migrated (or checked), and Hangfire's tables made, one node at a time.</summary>
public static class DatabasePreparation
{
    /// <summary>
    /// Migrations (or, with <c>Database:MigrateOnStartup</c> false, the check that none is missing) and
    /// Hangfire's own tables, under the schema lock: one node at a time.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        var migrate = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup;
        await using (await SchemaLock.AcquireAsync(services, createDatabase: migrate))
        {
            if (migrate) await services.MigratePortalDatabaseAsync();
            else await services.RequireCurrentSchemaAsync();
            // Hangfire prepares its tables when its storage is first built.
            _ = services.GetRequiredService<JobStorage>();
        }
    }

    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// For a node that does not migrate (<c>Database:MigrateOnStartup</c> false): stop with a message when the
    /// schema is behind this version, instead of failing later in a query.
    /// </summary>
    public static async Task RequireCurrentSchemaAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) of this version ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false here: " +
                "start a node with it true, or apply the migrations script, first.");
    }
}
