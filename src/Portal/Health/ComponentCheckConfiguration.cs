using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Health;

internal sealed class ComponentCheckConfiguration : IEntityTypeConfiguration<ComponentCheck>
{
    public void Configure(EntityTypeBuilder<ComponentCheck> e)
    {
        e.Property(c => c.Component).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.TargetName).HasMaxLength(100);
        e.Property(c => c.Message).HasMaxLength(1000);
        e.HasIndex(c => new { c.Component, c.TargetId, c.CheckedAt });
        e.HasIndex(c => c.CheckedAt);
    }
}
