namespace Portal.Contracts.Profile;

/// <summary>A personal access token as its owner sees it: never the token itself, only its first characters.</summary>
public sealed record TokenDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
