using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Api;
using Portal.Domain.Domino;
using Portal.Runs;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Exports;

/// <summary>
/// <c>/api/exports</c>: what the exports pages use (with the sign-in cookie) and scripts use (with a
/// personal access token). Users see their own exports, admins all; another user's export is a 404,
/// so ids do not leak.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exports").RequireAuthorization().WithTags("Exports");
        api.MapGet("/", ListAsync).WithSummary("Lists your exports (admins: all), with search, filters, sort and paging");
        api.MapPost("/", (ExportForm form, ExportForms s, ClaimsPrincipal u, CancellationToken ct) => SaveAsync(null, form, s, u, ct))
            .WithSummary("Creates an export");
        api.MapGet("/options", FormOptionsAsync).WithSummary("What an export form can choose from: deployments, targets, templates, schedules");
        api.MapGet("/domino-projects/{deploymentId:int}", DominoProjectsAsync).WithSummary("The Domino projects your key can see on a deployment");
        api.MapPost("/validate", (ExportForm form, ExportForms s, ExportStore store, ClaimsPrincipal u, CancellationToken ct) =>
                ValidateAsync(null, form, s, store, u, ct))
            .WithSummary("Checks a new export form without saving it");
        api.MapPost("/{id:int}/validate", ValidateAsync).WithSummary("Checks a changed export form without saving it");
        api.MapGet("/{id:int}", GetAsync).WithSummary("Reads an export with its settings");
        api.MapPut("/{id:int}", SaveAsync).WithSummary("Changes an export");
        api.MapPost("/{id:int}/enable", (int id, ExportActions s, ClaimsPrincipal u, CancellationToken ct) => SetEnabledAsync(id, true, s, u, ct))
            .WithSummary("Enables an export: it runs on its schedule again");
        api.MapPost("/{id:int}/disable", (int id, ExportActions s, ClaimsPrincipal u, CancellationToken ct) => SetEnabledAsync(id, false, s, u, ct))
            .WithSummary("Disables an export: its schedule stops");
        api.MapPost("/{id:int}/archive", ArchiveAsync).WithSummary("Archives an export: it stops and frees its names; its runs stay");
        api.MapPost("/{id:int}/restore", RestoreAsync)
            .WithSummary("Restores an archived export, disabled: enable it when ready; 409 while another export uses its names or project");
        api.MapPost("/{id:int}/run", RunNowAsync).WithSummary("Queues a run now (trigger Api with a token, Manual in a browser); force=true exports even when nothing changed");
        api.MapPost("/{id:int}/verify", VerifyAsync)
            .WithSummary("Queues a Verify run: the latest snapshot is read back from S3 and compared with its manifest (size and SHA-256)");
        api.MapPost("/{id:int}/dry-run", DryRunAsync)
            .WithSummary("Queues a dry run: what a run would transfer, keep, delete and exclude, with sizes, recorded as a run; nothing is written to S3");
        api.MapPost("/filter-preview", PreviewFilterAsync)
            .WithSummary("Counts the files and bytes of the form's project's current commit that its filters keep (with your Domino key)");
        api.MapGet("/{id:int}/runs", RunsAsync).WithSummary("Lists an export's runs, newest first");
        return app;
    }

    public static async Task<Ok<Page<ExportSummary>>> ListAsync([AsParameters] ExportQuery query, ExportList exports,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await exports.ListAsync(PortalUser.From(user), query, cancellationToken));

    public static async Task<Results<Ok<ExportDetails>, NotFound>> GetAsync(int id, ExportReader exports, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await exports.GetAsync(PortalUser.From(user), id, cancellationToken) is { } export ? TypedResults.Ok(export) : TypedResults.NotFound();

    public static async Task<Ok<ExportFormOptions>> FormOptionsAsync(ExportReader exports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await exports.FormOptionsAsync(PortalUser.From(user), cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<DominoProjectOption>>, ProblemHttpResult>> DominoProjectsAsync(int deploymentId,
        DominoProjects projects, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await projects.ListAsync(PortalUser.From(user), deploymentId, cancellationToken));
        }
        catch (DominoException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "Domino did not answer");
        }
    }

    /// <summary>Another user's export is a 404 here too: checking a form must not confirm that an export exists.</summary>
    public static async Task<Results<Ok<ExportValidation>, NotFound>> ValidateAsync(int? id, ExportForm form, ExportForms exports,
        ExportStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = PortalUser.From(user);
        if (id is { } existing && !await store.ExistsForAsync(caller, existing, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await exports.ValidateAsync(caller, id, form, cancellationToken));
    }

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SaveAsync(
        int? id, ExportForm form, ExportForms exports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApiResults.From(await exports.SaveAsync(PortalUser.From(user), id, form, cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SetEnabledAsync(
        int id, bool enabled, ExportActions exports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApiResults.From(await exports.SetEnabledAsync(PortalUser.From(user), id, enabled, cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> ArchiveAsync(
        int id, ExportActions exports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApiResults.From(await exports.ArchiveAsync(PortalUser.From(user), id, cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>>
        RestoreAsync(int id, ExportActions exports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApiResults.OrConflict(await exports.RestoreAsync(PortalUser.From(user), id, cancellationToken));

    public static async Task<Results<Accepted<RunStarted>, NotFound, Conflict<RunStarted>>> RunNowAsync(int id, ExportActions exports,
        ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken, bool force = false)
    {
        var started = await exports.RunNowAsync(PortalUser.From(user), id, Trigger(http), cancellationToken, force);
        return Queued(started);
    }

    public static async Task<Results<Accepted<RunStarted>, NotFound, Conflict<RunStarted>>> VerifyAsync(int id, ExportActions exports,
        ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        Queued(await exports.VerifyNowAsync(PortalUser.From(user), id, Trigger(http), cancellationToken));

    public static async Task<Results<Accepted<RunStarted>, NotFound, Conflict<RunStarted>>> DryRunAsync(int id, ExportActions exports,
        ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        Queued(await exports.DryRunAsync(PortalUser.From(user), id, Trigger(http), cancellationToken));

    /// <summary>Domino's failures are part of the answer (<see cref="FilterPreview.Error"/>): the count is a hint while typing.</summary>
    public static async Task<Ok<FilterPreview>> PreviewFilterAsync(ExportForm form, ExportFilterPreview preview, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await preview.PreviewAsync(PortalUser.From(user), form, cancellationToken));

    // A browser session is "Manual"; a script with a token is "Api".
    internal static RunTrigger Trigger(HttpContext http) =>
        http.User.Identity?.AuthenticationType == "Bearer" ? RunTrigger.Api : RunTrigger.Manual;

    internal static Results<Accepted<RunStarted>, NotFound, Conflict<RunStarted>> Queued(RunStarted started) =>
        started.Succeeded ? TypedResults.Accepted($"/api/runs/{started.RunId}", started)
        : started.NotFound ? TypedResults.NotFound()
        : TypedResults.Conflict(started);

    /// <summary>An export the caller cannot see is a 404, not an empty list.</summary>
    public static async Task<Results<Ok<Page<RunSummary>>, NotFound>> RunsAsync(int id, RunService runs, ExportStore store, ClaimsPrincipal user,
        CancellationToken cancellationToken, int page = 0, int pageSize = 25)
    {
        var caller = PortalUser.From(user);
        if (!await store.ExistsForAsync(caller, id, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await runs.ForExportAsync(caller, id, page, pageSize, cancellationToken));
    }
}
