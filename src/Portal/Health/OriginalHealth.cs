using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Contracts.Runs;

namespace Portal.Health;

/// <summary>
/// Builds <see cref="OriginalHealthReport"/> from what <see cref="ComponentHealthJob"/> recorded: the newest
/// check of each component that still exists. A flag is true only when that part was checked and every check of
/// it passed; nothing checked is false, as the original reported a registry it could not log in to (no registry
/// set). Registries are checked through their own API, not the Docker engine. Overall is the four
/// flags ANDed, the original's rule.
/// </summary>
public sealed class OriginalHealth(PortalDbContext db, TimeProvider time)
{
    public async Task<OriginalHealthReport> GetAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentChecksAsync(cancellationToken);

        bool Healthy(IReadOnlyCollection<ComponentKind> required, params ComponentKind[] alsoCounted)
        {
            var checks = current.Where(c => required.Contains(c.Component) || alsoCounted.Contains(c.Component)).ToList();
            return checks.Any(c => required.Contains(c.Component)) && checks.All(c => c.Healthy);
        }

        var domino = Healthy([ComponentKind.Domino]);
        // Registries are checked through their own API (the registry copy needs no engine), so the Docker engine's check
        // does not count for them; it stays on the dashboard for the exports whose template needs a build.
        var dominoRegistry = Healthy([ComponentKind.DominoRegistry]);
        var s3 = Healthy([ComponentKind.S3]);
        var registry = Healthy([ComponentKind.Registry]);

        var lastSuccess = await db.Runs.Where(r => r.Status == StatusCode.Completed && r.EndedAt != null)
            .OrderByDescending(r => r.EndedAt).Select(r => r.EndedAt).FirstOrDefaultAsync(cancellationToken);
        var checkedAt = current.Count == 0 ? time.GetUtcNow() : current.Max(c => c.CheckedAt);
        var lastSuccessText = lastSuccess is { } at ? PythonTime(at) : null;
        return new OriginalHealthReport(domino && dominoRegistry && s3 && registry, "v1", PythonTime(checkedAt), domino, dominoRegistry,
            s3, registry, lastSuccessText, lastSuccessText);
    }

    /// <summary>The newest check of each component that still exists.</summary>
    private async Task<List<ComponentCheck>> CurrentChecksAsync(CancellationToken cancellationToken)
    {
        var newestIds = await db.ComponentChecks.GroupBy(c => new { c.Component, c.TargetId }).Select(g => g.Max(c => c.Id))
            .ToListAsync(cancellationToken);
        var newest = await db.ComponentChecks.AsNoTracking().Where(c => newestIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var deployments = await db.DominoDeployments.Select(d => d.Id).ToListAsync(cancellationToken);
        var s3 = await db.S3Destinations.Select(d => d.Id).ToListAsync(cancellationToken);
        var registries = await db.RegistryDestinations.Select(d => d.Id).ToListAsync(cancellationToken);
        return newest.Where(c => c.Component switch
        {
            ComponentKind.Domino or ComponentKind.DominoRegistry => deployments.Contains(c.TargetId),
            ComponentKind.S3 => s3.Contains(c.TargetId),
            ComponentKind.Registry => registries.Contains(c.TargetId),
            _ => true,
        }).ToList();
    }

    /// <summary>
    /// Python's str() of an aware UTC datetime, as the original sent it: "2020-04-14 19:50:20.359113+00:00", and without
    /// the fraction when it is zero ("2020-04-14 19:50:20+00:00").
    /// </summary>
    public static string PythonTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString(at.Ticks % TimeSpan.TicksPerSecond < 10 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff",
            CultureInfo.InvariantCulture) + "+00:00";
}
