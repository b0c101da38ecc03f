using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections;

internal sealed class DominoDeploymentConfiguration : IEntityTypeConfiguration<DominoDeployment>
{
    public void Configure(EntityTypeBuilder<DominoDeployment> e)
    {
        e.Property(d => d.Name).HasMaxLength(100);
        e.HasIndex(d => d.Name).IsUnique();
        e.Property(d => d.ApiUrl).HasMaxLength(500);
        e.Property(d => d.RegistryHost).HasMaxLength(255);
        e.Property(d => d.RegistryUserName).HasMaxLength(255);
    }
}
