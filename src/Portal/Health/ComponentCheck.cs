using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Health;

/// <summary>One recorded health check of one component (a Domino deployment, its registry, an S3 target …).</summary>
public sealed class ComponentCheck
{
    public long Id { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public ComponentKind Component { get; set; }

    /// <summary>The connection's id (deployment, S3 target, registry); 0 for the Docker engine.</summary>
    public int TargetId { get; set; }
    public required string TargetName { get; set; }
    public bool Healthy { get; set; }
    public string? Message { get; set; }
    public double DurationMs { get; set; }

    /// <summary>A component's record from the checks asked of it: healthy when every one passed.</summary>
    public static ComponentCheck Of(ComponentKind kind, int id, string name, IReadOnlyList<Domain.Health.ConnectionCheck> results,
        DateTimeOffset now) => new()
    {
        CheckedAt = now,
        Component = kind,
        TargetId = id,
        TargetName = name,
        Healthy = results.Count > 0 && results.All(r => r.Healthy),
        Message = string.Join("; ", results.Select(r => $"{r.Name}: {r.Message}")) is var m && m.Length > 1000 ? m[..1000] : m,
        DurationMs = results.Sum(r => r.Duration.TotalMilliseconds),
    };
}
