using Hangfire.PostgreSql;
using Hangfire.SqlServer;

namespace Portal.Jobs;

internal static class JobStorageOptions
{
    // Sliding invisibility: a long export keeps its job fetched instead of being handed to a second worker after a fixed timeout.
    public static SqlServerStorageOptions SqlServer => new()
    {
        SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
        QueuePollInterval = TimeSpan.Zero,
        UseRecommendedIsolationLevel = true,
        DisableGlobalLocks = true,
    };

    public static PostgreSqlStorageOptions PostgreSql => new()
    {
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = TimeSpan.FromSeconds(5),
    };
}
