using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections;

internal sealed class S3DestinationConfiguration : IEntityTypeConfiguration<S3Destination>
{
    public void Configure(EntityTypeBuilder<S3Destination> e)
    {
        e.Property(d => d.Name).HasMaxLength(100);
        e.HasIndex(d => d.Name).IsUnique();
        e.Property(d => d.Bucket).HasMaxLength(63);
        e.Property(d => d.Prefix).HasMaxLength(500);
        e.Property(d => d.Region).HasMaxLength(50);
        e.Property(d => d.EndpointUrl).HasMaxLength(500);
        e.Property(d => d.AccessKeyId).HasMaxLength(128);
        e.Property(d => d.StorageClass).HasMaxLength(32);
    }
}
