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
