using Microsoft.Extensions.Options;
using Portal.Exports;
using Portal.Health;

namespace Portal.Runs;

/// <summary>Claims, leases and truthful endings of runs (docs/decisions/010-run-fencing.md).</summary>
internal static class RunFencingSetup
{
    public static IServiceCollection AddRunFencing(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ExportsOptions>, RunLeaseValidator>();
        services.AddSingleton<DatabaseWrites>();
        services.AddSingleton<RunJournal>();
        services.AddSingleton<RunFinisher>();
        services.AddHostedService<RunJournalReplayer>();
        services.AddScoped<UploadCleanupJob>();
        services.AddHealthChecks().AddCheck<DatabaseWriteCheck>("database-writes", tags: [PortalHealth.ReadyTag]);
        return services;
    }
}
