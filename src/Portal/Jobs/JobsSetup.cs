using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Nodes;

namespace Portal.Jobs;

/// <summary>Hangfire: its storage on every node (to enqueue jobs, edit schedules, show the dashboard), its server where jobs run.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider,
        string connectionString, NodeRole role)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // One storage per service provider. Hangfire's own registration hands out the static JobStorage.Current,
        // which two hosts in one process (the tests) would overwrite for each other.
        services.AddSingleton<JobStorage>(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            return provider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, JobStorageOptions.SqlServer(jobs)),
                DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                    new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, JobStorageOptions.PostgreSql(jobs)),
                    JobStorageOptions.PostgreSql(jobs)),
                _ => new Hangfire.InMemory.InMemoryStorage(),
            };
        });
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new ResilientLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (role.ProcessesJobs()) services.AddJobServer();
        return services;
    }

    /// <summary>The Hangfire server: only on nodes that process jobs (<c>Portal:Role</c> all or worker).</summary>
    private static void AddJobServer(this IServiceCollection services) =>
        services.AddHangfireServer((sp, server) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = jobs.WorkerCount;
            server.Queues = jobs.EffectiveQueues;
            server.ServerName = sp.GetRequiredService<PortalNode>().Name;
        });
}
