using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Profile;
using Portal.Contracts.Accounts;

namespace Portal.Api;

/// <summary>
/// "Authorization: Bearer dxp_…": a personal access token of an approved account, not expired, not revoked.
/// The principal carries the same claims a sign-in cookie does, so every ownership rule applies unchanged.
/// A failure is marked on the request for the rate limiter (<see cref="ApiAuthentication"/>).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PortalDbContext db,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string FailedItem = "Portal.BearerTokenFailed";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200)
            return Fail("The bearer token is empty or malformed: send \"Authorization: Bearer <token>\" with a token from your profile page.");

        var hash = PersonalAccessTokenService.Hash(secret);
        var token = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.Name, t.UserId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.User!.Status, t.User.Email, t.User.UserName })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var now = time.GetUtcNow();
        if (token is null)
            return Fail("The token is not valid: check that it was copied whole, or create a new one on your profile page.");
        if (token.RevokedAt is { } revoked)
            return Fail($"The token was revoked on {Day(revoked)}: create a new one on your profile page.");
        if (token.ExpiresAt <= now)
            return Fail($"The token expired on {Day(token.ExpiresAt)}: create a new one on your profile page.");
        if (token.Status != AccountStatus.Approved)
            return Fail($"The token's account is {token.Status.ToString().ToLowerInvariant()}: only approved accounts can use the API.");

        var roles = await db.UserRoles.Where(ur => ur.UserId == token.UserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, token.UserId));
        identity.AddClaim(new Claim(ClaimTypes.Name, token.UserName ?? token.Email ?? token.UserId));
        if (token.Email is { } email) identity.AddClaim(new Claim(ClaimTypes.Email, email));
        identity.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        identity.AddClaim(new Claim("token_id", token.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(Audit.AuditContext.TokenNameClaim, token.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>401 with the reason the token failed, as a problem the caller can act on.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var reason = result.Failure?.Message ?? "Send \"Authorization: Bearer <token>\" with a token from your profile page.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"";
        await Results.Problem(reason, statusCode: StatusCodes.Status401Unauthorized, title: "The token was refused").ExecuteAsync(Context);
    }

    private AuthenticateResult Fail(string message)
    {
        Context.Items[FailedItem] = true;
        return AuthenticateResult.Fail(message);
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
