using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Exports;

internal sealed class ExportConfiguration : IEntityTypeConfiguration<Export>
{
    public void Configure(EntityTypeBuilder<Export> e)
    {
        e.Property(x => x.ExportKey).HasMaxLength(32);
        e.HasIndex(x => x.ExportKey).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DominoOwnerName).HasMaxLength(255);
        e.Property(x => x.DominoProjectName).HasMaxLength(255);
        e.Property(x => x.EnvironmentId).HasMaxLength(64);
        e.Property(x => x.GroupName).HasMaxLength(128);
        e.Property(x => x.ProjectName).HasMaxLength(128);
        e.Property(x => x.Schedule).HasMaxLength(100);
        e.Property(x => x.VerifySchedule).HasMaxLength(100);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.FilesCommitId).HasMaxLength(64);
        e.Property(x => x.FilesFingerprint).HasMaxLength(64);
        e.Property(x => x.FilesLocation).HasMaxLength(1024);
        e.Property(x => x.ImageEnvironmentId).HasMaxLength(64);
        e.Property(x => x.ImageFingerprint).HasMaxLength(64);
        e.Property(x => x.LastStatus).HasConversion<int?>();
        e.Property(x => x.ApiKeyHash).HasMaxLength(64);
        e.HasIndex(x => x.ApiKeyHash);

        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.DominoDeployment).WithMany().HasForeignKey(x => x.DominoDeploymentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.S3Destination).WithMany().HasForeignKey(x => x.S3DestinationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.RegistryDestination).WithMany().HasForeignKey(x => x.RegistryDestinationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Template).WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);

        // The dashboard's exports table: filter by owner/state/status, sort by the last run.
        e.HasIndex(x => new { x.Archived, x.OwnerId, x.LastRunAt });
        e.HasIndex(x => new { x.Archived, x.LastStatus });
        e.HasIndex(x => new { x.GroupName, x.ProjectName });
        e.HasIndex(x => new { x.DominoDeploymentId, x.DominoOwnerName, x.DominoProjectName });
    }
}
