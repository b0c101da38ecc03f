using Portal.Contracts.Accounts;

namespace Portal.Contracts.Admin;

/// <summary>One account as the admin pages show it. <see cref="SignInMethods"/>: "Password", the provider's name, or both ("Password, Keycloak").</summary>
public sealed record UserSummary(
    string Id,
    string Email,
    AccountStatus Status,
    bool IsAdmin,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StatusChangedAt,
    string? StatusChangedBy,
    string? SignInMethods = null);
