using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data;

internal sealed class PortalSettingConfiguration : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> e)
    {
        e.HasKey(s => s.Key);
        e.Property(s => s.Key).HasMaxLength(100);
        e.Property(s => s.Value).HasMaxLength(1000);
    }
}
