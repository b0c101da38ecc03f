using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Health;
using Portal.Exports;
using Portal.Contracts.Connections;

namespace Portal.Connections;

// The Test buttons: what works and what does not, per connection.
public sealed partial class ConnectionService
{
    public async Task<ConnectionTestResult?> TestAsync(string kind, int id, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConnectionCheck>? result = kind switch
        {
            "domino" when await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } d =>
                [.. await checks.DominoAsync(ExportRequests.Domino(d), null, cancellationToken),
                 .. requests.DominoRegistry(d) is { } login ? await checks.RegistryAsync(login, "Domino", cancellationToken) : []],
            "s3" when await db.S3Destinations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } s =>
                [await checks.S3Async(requests.S3(s), cancellationToken)],
            "registry" when await db.RegistryDestinations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } r =>
                await checks.RegistryAsync(requests.Registry(r), "target", cancellationToken),
            "docker" => [await checks.DockerAsync(cancellationToken)],
            _ => null,
        };
        return result is null ? null : new ConnectionTestResult(result.Select(ToDto).ToList());
    }

    public static ConnectionCheckDto ToDto(ConnectionCheck check) => new(check.Name, check.Healthy, check.Message, check.Duration.TotalMilliseconds);
}
