using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Accounts;
using Portal.Api;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Exports;
using Portal.Contracts.Shared;

namespace Portal.Runs;

/// <summary><c>/api/runs</c>: a run with its stages, images and (paged) files; cancel; resume a failed run.</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/runs").RequireAuthorization().WithTags("Runs");
        api.MapGet("/{id:long}", GetAsync).WithSummary("Reads a run with its stages and images");
        api.MapGet("/{id:long}/files", FilesAsync).WithSummary("Lists a run's files (paged; filter by outcome)");
        api.MapPost("/{id:long}/cancel", CancelAsync).WithSummary("Cancels a queued or running run");
        api.MapPost("/{id:long}/resume", ResumeAsync)
            .WithSummary("Queues a run that completes a failed run's snapshot (its commit), moving only the files still missing or failed");
        return app;
    }

    public static async Task<Results<Ok<RunDetails>, NotFound>> GetAsync(long id, RunService runs, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await runs.GetAsync(PortalUser.From(user), id, cancellationToken) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound();

    public static async Task<Results<Ok<Page<RunFileDto>>, NotFound>> FilesAsync(long id, RunService runs, ClaimsPrincipal user,
        CancellationToken cancellationToken, string? outcome = null, int skip = 0, int take = 100) =>
        await runs.FilesAsync(PortalUser.From(user), id, outcome, skip, take, cancellationToken) is { } files
            ? TypedResults.Ok(files)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> CancelAsync(
        long id, RunService runs, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApiResults.From(await runs.CancelAsync(PortalUser.From(user), id, cancellationToken));

    public static async Task<Results<Accepted<RunStarted>, NotFound, Conflict<RunStarted>>> ResumeAsync(long id, ExportActions exports,
        ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        ExportsApi.Queued(await exports.ResumeAsync(PortalUser.From(user), id, ExportsApi.Trigger(http), cancellationToken));
}
