using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api;
using Portal.Client.Accounts;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;

namespace Portal.Templates;

public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/templates").RequireAuthorization(PortalPolicies.Admin).WithTags("Admin: templates");
        api.MapGet("/", ListAsync);
        api.MapPost("/", (TemplateForm form, TemplateService s, CancellationToken ct) => SaveAsync(null, form, s, ct));
        api.MapPut("/{id:int}", SaveAsync);
        api.MapDelete("/{id:int}", DeleteAsync);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TemplateDto>>> ListAsync(TemplateService templates, CancellationToken cancellationToken) =>
        TypedResults.Ok(await templates.ListAsync(cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SaveAsync(
        int? id, TemplateForm form, TemplateService templates, CancellationToken cancellationToken) =>
        ApiResults.From(await templates.SaveAsync(id, form, cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> DeleteAsync(
        int id, TemplateService templates, CancellationToken cancellationToken) =>
        ApiResults.From(await templates.DeleteAsync(id, cancellationToken));
}
