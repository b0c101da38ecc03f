using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Health;

/// <summary>Readiness: Hangfire's storage answers (a read of an empty set), so runs can be queued and picked up.</summary>
public sealed class HangfireStorageCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await Task.Run(() =>
            {
                using var connection = storage.GetConnection();
                connection.GetAllItemsFromSet("portal:health");
            }, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Hangfire's storage did not answer: {e.Message}", e);
        }
    }
}
