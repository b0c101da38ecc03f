using Portal.Accounts.SingleSignOn;

namespace Portal.Tests.Unit.Accounts;

/// <summary>The portal's services with a provider configured (never called: these tests hand in what it said).</summary>
internal static class ProviderAccounts
{
    public const string AdminEmail = "admin@example.com";
    public const string UsersGroup = "portal-users";
    public const string AdminsGroup = "portal-admins";

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:AdminEmail"] = AdminEmail,
            ["Authentication:Oidc:Authority"] = "https://login.example.com/realms/domino",
            ["Authentication:Oidc:ClientId"] = "portal",
            ["Authentication:Oidc:DisplayName"] = "Keycloak",
            ["Authentication:Oidc:AutoApproveGroups:0"] = UsersGroup,
            ["Authentication:Oidc:AdminGroups:0"] = AdminsGroup,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    public static ProviderAccount Said(string subject, string email, bool verified = true, params string[] groups) =>
        new(subject, email, verified, groups.ToHashSet(StringComparer.Ordinal));
}
