using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Health;

/// <summary>One row per node, rewritten by every readiness check: proof that the node can still write to its database.</summary>
public sealed class NodeProbe
{
    public required string Node { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class NodeProbeConfiguration : IEntityTypeConfiguration<NodeProbe>
{
    public void Configure(EntityTypeBuilder<NodeProbe> e)
    {
        e.HasKey(p => p.Node);
        e.Property(p => p.Node).HasMaxLength(200);
    }
}
