using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Runs;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> e)
    {
        e.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        // Runs recorded before kinds existed were exports.
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(RunKind.Export);
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
