using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Runs;

internal sealed class RunDailyStatConfiguration : IEntityTypeConfiguration<RunDailyStat>
{
    public void Configure(EntityTypeBuilder<RunDailyStat> e)
    {
        e.HasKey(s => new { s.Day, s.OwnerId, s.Kind, s.Outcome });
        e.Property(s => s.OwnerId).HasMaxLength(450);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
    }
}
