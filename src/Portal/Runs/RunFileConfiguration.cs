using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Runs;

internal sealed class RunFileConfiguration : IEntityTypeConfiguration<RunFile>
{
    public void Configure(EntityTypeBuilder<RunFile> e)
    {
        e.Property(f => f.Path).HasMaxLength(1024);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(f => f.Error).HasMaxLength(2000);
        e.HasIndex(f => new { f.RunId, f.Outcome, f.Id });
    }
}
