using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api;
using Portal.Client.Accounts;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;

namespace Portal.Connections;

public static class ConnectionsApi
{
    public static IEndpointRouteBuilder MapConnectionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/connections").RequireAuthorization(PortalPolicies.Admin).WithTags("Admin: connections");
        api.MapGet("/", GetAsync);
        api.MapPost("/domino", (DominoDeploymentForm form, ConnectionService s, CancellationToken ct) => SaveDeploymentAsync(null, form, s, ct));
        api.MapPut("/domino/{id:int}", SaveDeploymentAsync);
        api.MapPost("/s3", (S3TargetForm form, ConnectionService s, CancellationToken ct) => SaveS3TargetAsync(null, form, s, ct));
        api.MapPut("/s3/{id:int}", SaveS3TargetAsync);
        api.MapPost("/registries", (RegistryTargetForm form, ConnectionService s, CancellationToken ct) => SaveRegistryAsync(null, form, s, ct));
        api.MapPut("/registries/{id:int}", SaveRegistryAsync);
        api.MapDelete("/{kind}/{id:int}", DeleteAsync);
        api.MapPost("/{kind}/{id:int}/test", TestAsync);
        return app;
    }

    public static async Task<Ok<ConnectionsOverview>> GetAsync(ConnectionService connections, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connections.GetAsync(cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SaveDeploymentAsync(
        int? id, DominoDeploymentForm form, ConnectionService connections, CancellationToken cancellationToken) =>
        ApiResults.From(await connections.SaveDeploymentAsync(id, form, cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SaveS3TargetAsync(
        int? id, S3TargetForm form, ConnectionService connections, CancellationToken cancellationToken) =>
        ApiResults.From(await connections.SaveS3TargetAsync(id, form, cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SaveRegistryAsync(
        int? id, RegistryTargetForm form, ConnectionService connections, CancellationToken cancellationToken) =>
        ApiResults.From(await connections.SaveRegistryAsync(id, form, cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> DeleteAsync(
        string kind, int id, ConnectionService connections, CancellationToken cancellationToken) =>
        ApiResults.From(await connections.DeleteAsync(kind, id, cancellationToken));

    public static async Task<Results<Ok<ConnectionTestResult>, NotFound>> TestAsync(string kind, int id, ConnectionService connections,
        CancellationToken cancellationToken) =>
        await connections.TestAsync(kind, id, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
}
