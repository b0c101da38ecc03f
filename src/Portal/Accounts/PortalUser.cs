using System.Security.Claims;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

/// <summary>Who is asking: the services' ownership rules take this, whether the call came from a page, the API or a token.</summary>
public sealed record PortalUser(string Id, string Email, bool IsAdmin)
{
    public static PortalUser From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in."),
        principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name ?? "",
        principal.IsInRole(PortalRoles.Admin));
}
