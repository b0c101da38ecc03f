using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Accounts;
using Portal.Api;
using Portal.Contracts.Profile;

namespace Portal.Profile;

/// <summary>
/// <c>/api/profile/tokens</c>: a signed-in person's tokens. Browser sessions only: a token cannot mint or
/// revoke tokens, so a leaked one cannot outlive its expiry.
/// </summary>
public static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/profile/tokens").RequireAuthorization(ApiAuthentication.BrowserSessionPolicy).WithTags("Profile");
        api.MapGet("/", ListAsync).WithSummary("Lists your personal access tokens (never the tokens themselves)");
        api.MapPost("/", CreateAsync).WithSummary("Creates a personal access token; the answer holds it once");
        api.MapDelete("/{id:int}", RevokeAsync).WithSummary("Revokes one of your personal access tokens");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TokenDto>>> ListAsync(PersonalAccessTokenService tokens, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListAsync(PortalUser.From(user), cancellationToken));

    public static async Task<Results<Created<CreatedToken>, BadRequest<CreatedToken>>> CreateAsync(CreateTokenRequest request,
        PersonalAccessTokenService tokens, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await tokens.CreateAsync(PortalUser.From(user), request, cancellationToken);
        return created.Succeeded ? TypedResults.Created($"/api/profile/tokens/{created.Token!.Id}", created) : TypedResults.BadRequest(created);
    }

    public static async Task<Results<NoContent, NotFound>> RevokeAsync(int id, PersonalAccessTokenService tokens, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(PortalUser.From(user), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
