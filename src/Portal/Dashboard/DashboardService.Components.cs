using Microsoft.EntityFrameworkCore;
using Portal.Health;
using Portal.Contracts.Dashboard;

namespace Portal.Dashboard;

// The health tiles: each connection's latest recorded check.
public sealed partial class DashboardService
{
    /// <summary>The last check of every current connection: one indexed lookup each (there are a handful).</summary>
    private async Task<IReadOnlyList<ComponentHealthDto>> ComponentsAsync(CancellationToken cancellationToken)
    {
        var targets = new List<(ComponentKind Kind, int Id, string Name)>();
        foreach (var d in await db.DominoDeployments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.RegistryHost })
                     .ToListAsync(cancellationToken))
        {
            targets.Add((ComponentKind.Domino, d.Id, d.Name));
            if (d.RegistryHost is not null) targets.Add((ComponentKind.DominoRegistry, d.Id, d.Name));
        }
        targets.AddRange((await db.S3Destinations.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .Select(s => (ComponentKind.S3, s.Id, s.Name)));
        targets.AddRange((await db.RegistryDestinations.OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
            .Select(r => (ComponentKind.Registry, r.Id, r.Name)));
        if (await db.ComponentChecks.AnyAsync(c => c.Component == ComponentKind.Docker, cancellationToken))
            targets.Add((ComponentKind.Docker, 0, "Docker engine"));

        var result = new List<ComponentHealthDto>(targets.Count);
        foreach (var (kind, id, name) in targets)
        {
            var check = await db.ComponentChecks.AsNoTracking().Where(c => c.Component == kind && c.TargetId == id)
                .OrderByDescending(c => c.CheckedAt).FirstOrDefaultAsync(cancellationToken);
            result.Add(check is null
                ? new ComponentHealthDto(kind.ToString(), id, name, false, "Not checked yet", null)
                : new ComponentHealthDto(kind.ToString(), id, name, check.Healthy, check.Message, check.CheckedAt));
        }
        return result;
    }
}
