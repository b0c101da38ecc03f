namespace Portal.Contracts.Profile;

/// <summary>The new token, shown once: only its hash is stored.</summary>
public sealed record CreatedToken(bool Succeeded, string Message, TokenDto? Token, string? Secret);
