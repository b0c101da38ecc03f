using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data;

/// <summary>A setting admins change at run time (not configuration): e.g. the v1 API's service account.</summary>
public sealed class PortalSetting
{
    public const string V1ServiceAccountId = "V1ServiceAccountId";

    public required string Key { get; set; }
    public string? Value { get; set; }
}

internal sealed class PortalSettingConfiguration : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> e)
    {
        e.HasKey(s => s.Key);
        e.Property(s => s.Key).HasMaxLength(100);
        e.Property(s => s.Value).HasMaxLength(1000);
    }
}
