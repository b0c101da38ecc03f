using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Domain.Health;

namespace Portal.Health;

/// <summary>Health: the recurring component checks (<c>Health</c> options), /health and the orchestrator's probes.</summary>
public static class HealthSetup
{
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks().AddCheck<HangfireStorageCheck>("hangfire", tags: [PortalHealth.ReadyTag]);
        services.AddSingleton<ConnectionChecks>();
        services.AddScoped<ComponentHealthJob>();
        services.AddScoped<OriginalHealth>();
        return services;
    }

    /// <summary>(Re)registers the recurring component check at <c>Health:CheckInterval</c>.</summary>
    public static void PrepareHealth(this IServiceProvider services)
    {
        var health = services.GetRequiredService<IOptions<HealthOptions>>().Value;
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<ComponentHealthJob>(ComponentHealthJob.JobId, h => h.CheckAllAsync(CancellationToken.None), health.Cron);
    }
}
