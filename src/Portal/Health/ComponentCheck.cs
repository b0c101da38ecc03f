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
}
