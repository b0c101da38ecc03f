using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Runs;

internal sealed class RunStageConfiguration : IEntityTypeConfiguration<RunStage>
{
    public void Configure(EntityTypeBuilder<RunStage> e)
    {
        e.Property(s => s.Code).HasConversion<int>();
        e.HasIndex(s => new { s.RunId, s.Id });
    }
}
