using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Profile;

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> e)
    {
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.Property(t => t.Prefix).HasMaxLength(16);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => t.UserId);
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
