using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Runs;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> e)
    {
        e.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Status).HasConversion<int>();
        e.Property(r => r.FilesStatus).HasConversion<int?>();
        e.Property(r => r.ImageStatus).HasConversion<int?>();
        e.Property(r => r.ImagePath).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Message).HasMaxLength(2000);
        e.Property(r => r.TriggeredBy).HasMaxLength(256);
        e.Property(r => r.CancelledBy).HasMaxLength(256);
        e.Property(r => r.Node).HasMaxLength(200);
        e.Property(r => r.JobId).HasMaxLength(100);
        e.Property(r => r.CommitId).HasMaxLength(64);
        e.Property(r => r.FilesLocation).HasMaxLength(1024);
        e.Property(r => r.EnvironmentId).HasMaxLength(64);
        e.Property(r => r.EnvironmentName).HasMaxLength(255);
        e.Property(r => r.ExceptionType).HasMaxLength(255);

        e.HasOne(r => r.Export).WithMany().HasForeignKey(r => r.ExportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Stages).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Images).WithOne().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Layers).WithOne().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);

        // An export's history, newest first; the v1 run number lookup.
        e.HasIndex(r => new { r.ExportId, r.Id });
        e.HasIndex(r => new { r.ExportId, r.Number }).IsUnique();
        // Charts and pruning by time; finding live and stale runs.
        e.HasIndex(r => r.CreatedAt);
        e.HasIndex(r => new { r.Status, r.HeartbeatAt });
    }
}

internal sealed class RunStageConfiguration : IEntityTypeConfiguration<RunStage>
{
    public void Configure(EntityTypeBuilder<RunStage> e)
    {
        e.Property(s => s.Code).HasConversion<int>();
        e.HasIndex(s => new { s.RunId, s.Id });
    }
}

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

internal sealed class RunImageConfiguration : IEntityTypeConfiguration<RunImage>
{
    public void Configure(EntityTypeBuilder<RunImage> e)
    {
        e.Property(i => i.Reference).HasMaxLength(512);
        e.Property(i => i.Digest).HasMaxLength(100);
        e.HasIndex(i => i.RunId);
    }
}

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
