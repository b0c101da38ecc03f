using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Runs;

internal sealed class RunLayerConfiguration : IEntityTypeConfiguration<RunLayer>
{
    public void Configure(EntityTypeBuilder<RunLayer> e)
    {
        e.Property(l => l.Digest).HasMaxLength(100);
        e.Property(l => l.MediaType).HasMaxLength(255);
        e.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(l => l.Error).HasMaxLength(2000);
        e.HasIndex(l => l.RunId);
    }
}
