using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Connections;

namespace Portal.Profile;

internal sealed class DominoApiKeyConfiguration : IEntityTypeConfiguration<DominoApiKey>
{
    public void Configure(EntityTypeBuilder<DominoApiKey> e)
    {
        e.Property(k => k.KeyHash).HasMaxLength(64);
        e.Property(k => k.DominoUserName).HasMaxLength(255);
        e.HasIndex(k => new { k.UserId, k.DominoDeploymentId }).IsUnique();
        e.HasIndex(k => k.KeyHash);
        e.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(k => k.DominoDeployment).WithMany().HasForeignKey(k => k.DominoDeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
