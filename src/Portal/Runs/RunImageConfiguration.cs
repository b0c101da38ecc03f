using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Runs;

internal sealed class RunImageConfiguration : IEntityTypeConfiguration<RunImage>
{
    public void Configure(EntityTypeBuilder<RunImage> e)
    {
        e.Property(i => i.Reference).HasMaxLength(512);
        e.Property(i => i.Digest).HasMaxLength(100);
        e.HasIndex(i => i.RunId);
    }
}
