using Portal.Client.Shared;
using System.ComponentModel.DataAnnotations;

namespace Portal.Client.Profile;

/// <summary>A personal access token as its owner sees it: never the token itself, only its first characters.</summary>
public sealed record TokenDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>What a person fills in to create a token.</summary>
public sealed class CreateTokenRequest
{
    public const int MaxLifetimeDays = 365;

    [Required(ErrorMessage = "Name the token, e.g. after the script that uses it.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    [SingleLine]
    public string Name { get; set; } = "";

    [Range(1, MaxLifetimeDays, ErrorMessage = "A token lives 1 to 365 days.")]
    public int ExpiresInDays { get; set; } = 90;
}

/// <summary>The new token, shown once: only its hash is stored.</summary>
public sealed record CreatedToken(bool Succeeded, string Message, TokenDto? Token, string? Secret);

/// <summary>The profile page's personal access tokens (in-process on the server, <c>/api/profile/tokens</c> in WebAssembly).</summary>
public interface ITokensClient
{
    Task<IReadOnlyList<TokenDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<CreatedToken> CreateAsync(CreateTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stops the token at once; it stays in the list as revoked.</summary>
    Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default);
}
