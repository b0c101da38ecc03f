using System.Security.Claims;
using Portal.Accounts;
using Portal.Api;
using Portal.Contracts.Audit;

namespace Portal.Audit;

/// <summary>
/// Who is changing things in this scope, worked out in one place so no service has to: an HTTP request tells its
/// interface by its path (<c>/v1</c>, <c>/api</c>, else a page; a page's own <c>/api</c> calls carry
/// <see cref="AuditInterfaces.PageHeader"/> with the sign-in cookie), its address and its signed-in user or token.
/// A page running on the server (<see cref="PageCaller"/>) and the v1 API (<c>V1Callers</c>) say who it is instead.
/// </summary>
public sealed class AuditContext(IHttpContextAccessor http)
{
    public const string TokenNameClaim = "token_name";

    private AuditCaller? caller;

    public AuditCaller Caller => caller ?? FromRequest(http.HttpContext);

    /// <summary>A page's call on the server: the circuit's user, and the address the circuit came from.</summary>
    public void UsePage(PortalUser user, string? address) =>
        caller = new AuditCaller(user.Id, user.Email, null, AuditInterfaces.Page, address);

    /// <summary>The caller is known otherwise than by the request's sign-in (a v1 Domino key's owner).</summary>
    public void Identify(string accountId, string name) => caller = Caller with { AccountId = accountId, Name = name };

    public static AuditCaller FromRequest(HttpContext? context)
    {
        if (context is null) return new AuditCaller(null, "system", null, AuditInterfaces.System, null);
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var byToken = signedIn && user.Identity!.AuthenticationType == BearerTokenHandler.SchemeName;
        var path = context.Request.Path;
        var via = path.StartsWithSegments("/v1") ? AuditInterfaces.V1
            : path.StartsWithSegments("/api") && (byToken || !context.Request.Headers.ContainsKey(AuditInterfaces.PageHeader)) ? AuditInterfaces.Api
            : AuditInterfaces.Page;
        return new AuditCaller(
            signedIn ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            signedIn ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity!.Name ?? "" : "anonymous",
            byToken ? user.FindFirstValue(TokenNameClaim) : null,
            via,
            Address(context.Connection.RemoteIpAddress));
    }

    public static string? Address(System.Net.IPAddress? address) =>
        (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString();
}
