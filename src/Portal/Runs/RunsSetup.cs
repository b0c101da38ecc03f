using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Contracts.Runs;
using Portal.Telemetry;

namespace Portal.Runs;

/// <summary>Runs: executing an export, recording it, recovering and pruning runs, and the run pages' API.</summary>
public static class RunsSetup
{
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        // The run instruments the runner and finisher record into; the Telemetry feature exports them.
        services.AddRunMetrics();
        services.AddScoped<ExportRunner>();
        services.AddRunFencing();
        services.AddScoped<RunStore>();
        services.AddScoped<RunQueue>();
        services.TryAddScoped<JobQueues>();
        services.AddScoped<StatusLogPublisher>();
        services.AddScoped<RunService>();
        services.AddScoped<RunRecovery>();
        services.AddScoped<PruneJob>();
        services.AddScoped<IRunsClient, ServerRunsClient>();
        return services;
    }

    /// <summary>
    /// Endings this node journaled while its database was away are recorded; then runs it left behind become 102; the
    /// stale-run and prune jobs are (re)registered.
    /// </summary>
    public static async Task PrepareRunsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        // Endings this node journaled while its database was away are the truth about its runs: recorded before recovery.
        await scope.ServiceProvider.GetRequiredService<RunFinisher>().ReplayAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RunRecovery>().RecoverThisNodeAsync(cancellationToken);
        var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<RunRecovery>(RunRecovery.JobId, r => r.RecoverStaleAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<PruneJob>(PruneJob.JobId, p => p.PruneAsync(CancellationToken.None), Cron.Daily(3));
    }
}
