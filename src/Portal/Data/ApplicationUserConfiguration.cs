using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
        user.Property(u => u.StatusChangedBy).HasMaxLength(256);
        user.HasIndex(u => u.Status);
    }
}
