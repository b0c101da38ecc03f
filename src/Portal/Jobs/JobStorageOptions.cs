using Hangfire.PostgreSql;
using Hangfire.SqlServer;

namespace Portal.Jobs;

internal static class JobStorageOptions
{
    // Sliding invisibility on both servers: a node keeps the jobs it took for as long as it lives, however long
    // an export takes; a job of a node that died goes to another node Hangfire:InvisibilityTimeout later.
    public static SqlServerStorageOptions SqlServer(JobsOptions jobs) => new()
    {
        SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        SlidingInvisibilityTimeout = jobs.InvisibilityTimeout,
        QueuePollInterval = TimeSpan.Zero,
        UseRecommendedIsolationLevel = true,
        DisableGlobalLocks = true,
    };

    public static PostgreSqlStorageOptions PostgreSql(JobsOptions jobs) => new()
    {
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = TimeSpan.FromSeconds(5),
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = jobs.InvisibilityTimeout,
        // PostgreSQL locks are rows: one held by a node that died is freed after this, not the default 10 minutes.
        DistributedLockTimeout = TimeSpan.FromMinutes(2),
        // A node that cannot prepare its job storage stops at start-up instead of running without it.
        AllowDegradedModeWithoutStorage = false,
    };
}
