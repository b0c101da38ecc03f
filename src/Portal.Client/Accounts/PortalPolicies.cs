using Microsoft.AspNetCore.Authorization;
using Portal.Contracts.Accounts;

namespace Portal.Client.Accounts;

/// <summary>
/// Who may see what. The default policy (plain <c>[Authorize]</c>) admits approved users only,
/// so a pending account is refused everywhere but the pages marked <see cref="SignedIn"/>.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Any signed-in account, approved or not: the awaiting-approval page.</summary>
    public const string SignedIn = "SignedIn";

    public const string Admin = "Admin";

    public static AuthorizationOptions AddPortalPolicies(this AuthorizationOptions options)
    {
        options.DefaultPolicy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireRole(PortalRoles.User, PortalRoles.Admin)
            .Build();
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin));
        return options;
    }
}
