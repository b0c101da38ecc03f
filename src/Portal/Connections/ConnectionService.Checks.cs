using Microsoft.EntityFrameworkCore;
using Portal.Domain.Health;
using Portal.Exports;
using Portal.Health;
using Portal.Contracts.Connections;

namespace Portal.Connections;

// The Test buttons: what works and what does not, per connection.
public sealed partial class ConnectionService
{
    public async Task<ConnectionTestResult?> TestAsync(string kind, int id, CancellationToken cancellationToken)
    {
        var tested = await CheckAsync(kind, id, cancellationToken);
        if (tested is null) return null;
        // A test is a health check an admin asked for: recorded like the recurring ones (ComponentHealthJob), so the
        // dashboard and the setup checklist show it at once. The engine is recorded only while an export needs it.
        if (tested.Recorded)
        {
            var now = time.GetUtcNow();
            db.ComponentChecks.AddRange(tested.Components.Select(c => ComponentCheck.Of(c.Kind, id, tested.Name, c.Checks, now)));
            await db.SaveChangesAsync(cancellationToken);
        }
        return new ConnectionTestResult(tested.Components.SelectMany(c => c.Checks).Select(ToDto).ToList());
    }

    private sealed record Tested(string Name, IReadOnlyList<(ComponentKind Kind, IReadOnlyList<ConnectionCheck> Checks)> Components)
    {
        public bool Recorded { get; init; } = true;
    }

    private async Task<Tested?> CheckAsync(string kind, int id, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "domino" when await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } d:
                var api = await checks.DominoAsync(ExportRequests.Domino(d), null, cancellationToken);
                return new Tested(d.Name, requests.DominoRegistry(d) is { } login
                    ? [(ComponentKind.Domino, api), (ComponentKind.DominoRegistry, await checks.RegistryAsync(login, "Domino", cancellationToken))]
                    : [(ComponentKind.Domino, api)]);
            case "s3" when await db.S3Destinations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } s:
                return new Tested(s.Name, [(ComponentKind.S3, [await checks.S3Async(requests.S3(s), cancellationToken, writeProbe: true)])]);
            case "registry" when await db.RegistryDestinations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } r:
                return new Tested(r.Name, [(ComponentKind.Registry, await checks.RegistryAsync(requests.Registry(r), "target", cancellationToken))]);
            case "docker":
                var engine = await checks.DockerAsync(cancellationToken);
                return new Tested("Docker engine", [(ComponentKind.Docker, [engine])]) { Recorded = false };
            default:
                return null;
        }
    }

    public static ConnectionCheckDto ToDto(ConnectionCheck check) => new(check.Name, check.Healthy, check.Message, check.Duration.TotalMilliseconds);
}
