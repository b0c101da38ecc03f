namespace Portal.Accounts.SingleSignOn;

/// <summary>The <c>Authentication:Oidc</c> section: one OpenID Connect provider. Unset <see cref="Authority"/> turns single sign-on off.</summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The authentication scheme, the login provider name stored with each linked account, and the token store's key.</summary>
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Read from the secrets folder (<c>Authentication__Oidc__ClientSecret</c>). Empty: a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated, as the protocol sends them; must include <c>openid</c>.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The provider's name on the sign-in button and on /admin/users.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>The claim (in the ID token or the userinfo answer) that lists the account's groups.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>A new account carrying one of these groups is approved at once.</summary>
    public string[] AutoApproveGroups { get; set; } = [];

    /// <summary>One of these groups makes the account an Admin; losing them all takes Admin away again.</summary>
    public string[] AdminGroups { get; set; } = [];

    /// <summary>May be false only for a provider on a loopback address (tests, a developer's machine).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string ButtonText => $"Sign in with {DisplayName}";
}
