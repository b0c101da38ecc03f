using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Profile;

/// <summary>A token scripts send as "Authorization: Bearer …". Shown once; only its hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token (hex).</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token's first characters, to tell tokens apart in a list.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
