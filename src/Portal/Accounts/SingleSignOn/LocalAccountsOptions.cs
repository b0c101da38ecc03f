namespace Portal.Accounts.SingleSignOn;

/// <summary>Who may register and sign in with a portal password.</summary>
public enum LocalAccountsMode
{
    /// <summary><c>true</c>: registration and password sign-in for everyone (the default).</summary>
    On,

    /// <summary><c>adminsOnly</c>: no registration; password sign-in for Admins only.</summary>
    AdminsOnly,

    /// <summary><c>false</c>: no registration; password sign-in only for the break-glass admin.</summary>
    Off,
}

/// <summary>The <c>Authentication</c> section's own keys (the provider is in <see cref="OidcOptions"/>).</summary>
public sealed class LocalAccountsOptions
{
    public const string Section = "Authentication";

    /// <summary><c>true</c>, <c>false</c> or <c>adminsOnly</c>.</summary>
    public string LocalAccounts { get; set; } = "true";

    /// <summary>The one account that keeps its password when <see cref="LocalAccounts"/> is false: the way in when the provider fails.</summary>
    public string? BreakGlassAdmin { get; set; }

    /// <summary>Creates <see cref="BreakGlassAdmin"/> at start-up with this password if it does not exist yet (secrets folder).</summary>
    public string? BreakGlassPassword { get; set; }

    public LocalAccountsMode? Mode => LocalAccounts.Trim().ToLowerInvariant() switch
    {
        "true" => LocalAccountsMode.On,
        "false" => LocalAccountsMode.Off,
        "adminsonly" => LocalAccountsMode.AdminsOnly,
        _ => null,
    };

    public LocalAccountsMode EffectiveMode => Mode ?? LocalAccountsMode.On;

    public bool IsBreakGlass(string? email) =>
        !string.IsNullOrWhiteSpace(BreakGlassAdmin) && string.Equals(email?.Trim(), BreakGlassAdmin.Trim(), StringComparison.OrdinalIgnoreCase);
}
