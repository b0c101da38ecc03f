using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections;

internal sealed class RegistryDestinationConfiguration : IEntityTypeConfiguration<RegistryDestination>
{
    public void Configure(EntityTypeBuilder<RegistryDestination> e)
    {
        e.Property(d => d.Name).HasMaxLength(100);
        e.HasIndex(d => d.Name).IsUnique();
        e.Property(d => d.Host).HasMaxLength(255);
        e.Property(d => d.UserName).HasMaxLength(255);
    }
}
