using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Accounts;
using Portal.Contracts.Profile;

namespace Portal.Profile;

public static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/profile").RequireAuthorization().WithTags("Profile");
        api.MapGet("/domino-keys", ListKeysAsync);
        api.MapPut("/domino-keys/{deploymentId:int}", SaveKeyAsync);
        api.MapDelete("/domino-keys/{deploymentId:int}", RemoveKeyAsync);
        app.MapTokensApi();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DominoKeyDto>>> ListKeysAsync(DominoKeyService keys, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(PortalUser.From(user), cancellationToken));

    public static async Task<Results<Ok<SaveKeyResult>, BadRequest<SaveKeyResult>>> SaveKeyAsync(int deploymentId, SaveKeyRequest request,
        DominoKeyService keys, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await keys.SaveAsync(PortalUser.From(user), deploymentId, request.ApiKey ?? "", cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    public static async Task<NoContent> RemoveKeyAsync(int deploymentId, DominoKeyService keys, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await keys.RemoveAsync(PortalUser.From(user), deploymentId, cancellationToken);
        return TypedResults.NoContent();
    }
}
