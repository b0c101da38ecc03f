using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Contracts.Runs;

namespace Portal.Health;

/// <summary>The original's <c>/health</c> answer (original-service.md §3.2), with the field the spec named.</summary>
public sealed record OriginalHealthReport(
    [property: JsonPropertyName("overall_healthy")] bool? OverallHealthy,
    [property: JsonPropertyName("api_version")] string ApiVersion,
    [property: JsonPropertyName("health_check_timestamp")] string HealthCheckTimestamp,
    [property: JsonPropertyName("domino_platform_connection_healthy")] bool? DominoPlatformConnectionHealthy,
    [property: JsonPropertyName("domino_registry_connection_healthy")] bool? DominoRegistryConnectionHealthy,
    [property: JsonPropertyName("s3_connection_healthy")] bool? S3ConnectionHealthy,
    [property: JsonPropertyName("external_registry_connection_healthy")] bool? ExternalRegistryConnectionHealthy,
    [property: JsonPropertyName("last_successful_export_job_timestamp")] string? LastSuccessfulExportJobTimestamp);

/// <summary>
/// Builds <see cref="OriginalHealthReport"/> from what <see cref="ComponentHealthJob"/> recorded: the newest
/// check of each component that still exists. A kind is healthy when all of its components are, null when
/// none was checked yet; the Docker engine counts for both registries (the original reached both through it).
/// </summary>
public sealed class OriginalHealth(PortalDbContext db, TimeProvider time)
{
    public async Task<OriginalHealthReport> GetAsync(CancellationToken cancellationToken)
    {
        var newestIds = await db.ComponentChecks.GroupBy(c => new { c.Component, c.TargetId }).Select(g => g.Max(c => c.Id))
            .ToListAsync(cancellationToken);
        var newest = await db.ComponentChecks.AsNoTracking().Where(c => newestIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var deployments = await db.DominoDeployments.Select(d => d.Id).ToListAsync(cancellationToken);
        var s3 = await db.S3Destinations.Select(d => d.Id).ToListAsync(cancellationToken);
        var registries = await db.RegistryDestinations.Select(d => d.Id).ToListAsync(cancellationToken);
        var current = newest.Where(c => c.Component switch
        {
            ComponentKind.Domino or ComponentKind.DominoRegistry => deployments.Contains(c.TargetId),
            ComponentKind.S3 => s3.Contains(c.TargetId),
            ComponentKind.Registry => registries.Contains(c.TargetId),
            _ => true,
        }).ToList();

        bool? Healthy(params ComponentKind[] kinds)
        {
            var checks = current.Where(c => kinds.Contains(c.Component)).ToList();
            return checks.Count == 0 ? null : checks.All(c => c.Healthy);
        }

        var domino = Healthy(ComponentKind.Domino);
        var dominoRegistry = current.Any(c => c.Component == ComponentKind.DominoRegistry)
            ? Healthy(ComponentKind.DominoRegistry, ComponentKind.Docker)
            : null;
        var s3Healthy = Healthy(ComponentKind.S3);
        var registry = current.Any(c => c.Component == ComponentKind.Registry) ? Healthy(ComponentKind.Registry, ComponentKind.Docker) : null;
        bool?[] parts = [domino, dominoRegistry, s3Healthy, registry];
        bool? overall = current.Count == 0 ? null : parts.All(p => p != false);

        var lastSuccess = await db.Runs.Where(r => r.Status == StatusCode.Completed && r.EndedAt != null)
            .OrderByDescending(r => r.EndedAt).Select(r => r.EndedAt).FirstOrDefaultAsync(cancellationToken);
        var checkedAt = current.Count == 0 ? time.GetUtcNow() : current.Max(c => c.CheckedAt);
        return new OriginalHealthReport(overall, "v1", PythonTime(checkedAt), domino, dominoRegistry, s3Healthy, registry,
            lastSuccess is { } at ? PythonTime(at) : null);
    }

    /// <summary>Python's str() of an aware UTC datetime: "2020-04-14 19:50:20.359113+00:00".</summary>
    public static string PythonTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";
}
