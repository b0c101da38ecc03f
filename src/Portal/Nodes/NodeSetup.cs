using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Health;
using Portal.Jobs;

namespace Portal.Nodes;

/// <summary>What differs between a web node, a worker node and a node that does both (docs/decisions/005).</summary>
public static class NodeSetup
{
    public static IServiceCollection AddPortalNode(this IServiceCollection services, NodeRole role)
    {
        services.AddSingleton(typeof(NodeRole), role);
        return services;
    }

    public static NodeRole GetNodeRole(this IServiceProvider services) =>
        services.GetService(typeof(NodeRole)) is NodeRole role ? role : NodeRole.All;

    /// <summary>A worker answers the orchestrator's health checks and nothing else: no pages, /api, /v1 or dashboard.</summary>
    public static WebApplication MapWorkerEndpoints(this WebApplication app)
    {
        app.MapPortalHealth();
        return app;
    }

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

    /// <summary>
    /// Loads the Data Protection key ring, creating the first key if the database has none, while holding a
    /// lock every node honours: nodes starting together on an empty database then share one key instead of
    /// each making its own and caching a ring without the others' keys.
    /// </summary>
    public static void PrepareKeyRing(this IServiceProvider services)
    {
        using var held = DistributedLocks.Acquire(services.GetRequiredService<JobStorage>(), "portal:data-protection-keys");
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Nodes.KeyRing").Protect([0]);
    }
}
