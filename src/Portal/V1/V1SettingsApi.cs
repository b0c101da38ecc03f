using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api;
using Portal.Client.Accounts;
using Portal.Contracts.Admin;
using Portal.Contracts.Shared;

namespace Portal.V1;

/// <summary><c>/api/admin/v1-settings</c>: what exports created through the v1 API use, and who owns them.</summary>
public static class V1SettingsApi
{
    public static IEndpointRouteBuilder MapV1SettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/v1-settings").RequireAuthorization(PortalPolicies.Admin).WithTags("Admin: v1 API settings");
        api.MapGet("/", GetAsync).WithSummary("The v1 API's Domino deployment, S3 target, registry, template and service account");
        api.MapPut("/", SaveAsync).WithSummary("Changes the v1 API's settings");
        return app;
    }

    public static async Task<Ok<V1SettingsDto>> GetAsync(V1Settings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.GetAsync(cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SaveAsync(
        V1SettingsForm form, V1Settings settings, CancellationToken cancellationToken) =>
        ApiResults.From(await settings.SaveAsync(form, cancellationToken));
}
