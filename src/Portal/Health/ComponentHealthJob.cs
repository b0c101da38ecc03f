using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Health;
using Portal.Domain.Images;
using Portal.Exports;
using Portal.Templates;

namespace Portal.Health;

/// <summary>
/// Records the health of every component the exports depend on — each Domino deployment and its
/// registry, each S3 target, each registry target, and the Docker engine when an export's template needs a build —
/// for the dashboard and /health.
/// </summary>
public sealed class ComponentHealthJob(PortalDbContext db, ConnectionChecks checks, ExportRequests requests, ImageExportPlanner planner, TimeProvider time)
{
    public const string JobId = "maintenance:component-health";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    public async Task<int> CheckAllAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var records = new List<ComponentCheck>();
        foreach (var deployment in await db.DominoDeployments.AsNoTracking().ToListAsync(cancellationToken))
        {
            var domino = await checks.DominoAsync(ExportRequests.Domino(deployment), null, cancellationToken);
            records.Add(Record(ComponentKind.Domino, deployment.Id, deployment.Name, domino, now));
            if (requests.DominoRegistry(deployment) is { } login)
                records.Add(Record(ComponentKind.DominoRegistry, deployment.Id, deployment.Name,
                    await checks.RegistryAsync(login, "Domino", cancellationToken), now));
        }
        foreach (var target in await db.S3Destinations.AsNoTracking().ToListAsync(cancellationToken))
            records.Add(Record(ComponentKind.S3, target.Id, target.Name, [await checks.S3Async(requests.S3(target), cancellationToken)], now));
        foreach (var registry in await db.RegistryDestinations.AsNoTracking().ToListAsync(cancellationToken))
            records.Add(Record(ComponentKind.Registry, registry.Id, registry.Name,
                await checks.RegistryAsync(requests.Registry(registry), "target", cancellationToken), now));
        // Only builds need the engine: a deployment whose exports are all registry copies runs without one.
        var templates = await db.Exports.Where(e => !e.Archived && e.RegistryDestinationId != null).Select(e => e.Template!.Content)
            .Distinct().ToListAsync(cancellationToken);
        if (templates.Any(t => planner.NeedsEngine(t ?? DockerfileTemplate.StandardContent)))
            records.Add(Record(ComponentKind.Docker, 0, "Docker engine", [await checks.DockerAsync(cancellationToken)], now));
        db.ComponentChecks.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        return records.Count;
    }

    private static ComponentCheck Record(ComponentKind kind, int id, string name, IReadOnlyList<Domain.Health.ConnectionCheck> results,
        DateTimeOffset now) => ComponentCheck.Of(kind, id, name, results, now);
}
