using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int ChangesLength = 4000;

    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasKey(a => a.Id);
        e.Property(a => a.ActorId).HasMaxLength(450);
        e.Property(a => a.Actor).HasMaxLength(256);
        e.Property(a => a.TokenName).HasMaxLength(100);
        e.Property(a => a.Interface).HasMaxLength(16);
        e.Property(a => a.Address).HasMaxLength(64);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.ObjectType).HasMaxLength(32);
        e.Property(a => a.ObjectId).HasMaxLength(450);
        e.Property(a => a.ObjectName).HasMaxLength(256);
        e.Property(a => a.Changes).HasMaxLength(ChangesLength);
        // The page reads newest first; the export page by export; pruning by time.
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.ExportId, a.At });
    }
}
