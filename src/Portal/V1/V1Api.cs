using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Contracts.Exports;

namespace Portal.V1;

/// <summary>
/// The original Domino Export Service's REST API, path for path (docs/v1-compatibility.md): callers send
/// their Domino API key in <c>X-Domino-Api-Key</c>; answers keep the original's status codes, messages and
/// JSON fields. Unexpected errors are 503 with the 199 text, as the original meant them to be.
/// </summary>
public static class V1Api
{
    public const string KeyHeader = V1Callers.Header;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new V1PythonFloat() } };

    public static IEndpointRouteBuilder MapV1Api(this IEndpointRouteBuilder app)
    {
        app.MapGet("/version", () => TypedResults.Ok(new V1Version("v1")))
            .WithTags("v1").WithSummary("The API version (the original's /version, which answered 500 by a typo)");
        app.MapV1OpenApi();

        var projects = app.MapGroup("/v1/projects").WithTags("v1: projects").AllowAnonymous();
        Writes(projects.MapPost("/create", CreateProjectAsync), 201, 400, 401, 409, 422, 503)
            .JsonBody<V1ProjectCreateRequest>()
            .WithSummary("Schedules a new project export (files and environment image) and queues a first run");
        Writes(projects.MapPut("/update/{export_id}", UpdateProjectAsync), 200, 400, 401, 404, 409, 422, 503)
            .JsonBody<V1ProjectUpdateRequest>()
            .WithSummary("Changes a project export: its key, names, disabled flag or frequency");
        Statuses<V1ProjectStatus>(projects.MapGet("/status", ([FromHeader(Name = KeyHeader)] string? key, V1Callers c, V1Statuses s,
                CancellationToken ct) => ProjectStatusAsync(null, null, key, c, s, ct)))
            .WithSummary("The last run of every project export the key may change");
        Statuses<V1ProjectStatus>(projects.MapGet("/status/{id}", (string id, [FromHeader(Name = KeyHeader)] string? key, V1Callers c,
                V1Statuses s, CancellationToken ct) => ProjectStatusAsync(id, null, key, c, s, ct)))
            .WithSummary("An export id: its run history (newest first). A Domino user name: the last run of each of their exports");
        Statuses<V1ProjectStatus>(projects.MapGet("/status/{username}/{project}", (string username, string project,
                [FromHeader(Name = KeyHeader)] string? key, V1Callers c, V1Statuses s, CancellationToken ct) =>
                ProjectStatusAsync(username, project, key, c, s, ct)))
            .WithSummary("The run history of the export of one Domino project");

        var images = app.MapGroup("/v1/images").WithTags("v1: images").AllowAnonymous();
        Writes(images.MapPost("/create", CreateImageAsync), 201, 400, 401, 409, 422, 503)
            .JsonBody<V1ImageCreateRequest>()
            .WithSummary("Schedules a new compute environment image export and queues a first run");
        Writes(images.MapPut("/update/{id}", UpdateImageAsync), 200, 400, 401, 404, 409, 422, 503)
            .JsonBody<V1ImageUpdateRequest>()
            .WithSummary("Changes an image export, found by its export id or its compute environment id");
        Statuses<V1ImageStatus>(images.MapGet("/status", ([FromHeader(Name = KeyHeader)] string? key, V1Callers c, V1Statuses s,
                CancellationToken ct) => ImageStatusAsync(null, key, c, s, ct)))
            .WithSummary("The last run of every image export the key may change");
        Statuses<V1ImageStatus>(images.MapGet("/status/{id}", (string id, [FromHeader(Name = KeyHeader)] string? key, V1Callers c,
                V1Statuses s, CancellationToken ct) => ImageStatusAsync(id, key, c, s, ct)))
            .WithSummary("The run history of an image export, by its export id or its compute environment id");
        images.MapDelete("/archive/{id}", ArchiveImageAsync)
            .AddEndpointFilter(Guard(e => new V1ArchiveResponse(false, Unexpected(e), null)))
            .Produces<V1ArchiveResponse>(200).Produces<V1ArchiveResponse>(400).Produces<V1ArchiveResponse>(401)
            .Produces<V1ArchiveResponse>(404).Produces<V1ArchiveResponse>(503)
            .WithSummary("Archives an image export: it stops and frees its names; its runs stay on record");
        return app;
    }

    public static async Task<IResult> CreateProjectAsync(HttpRequest request, [FromHeader(Name = KeyHeader)] string? key, V1Callers callers,
        V1Exports exports, CancellationToken cancellationToken) =>
        await WriteAsync(request, key, V1Exports.ProjectCreateFields, callers, (caller, body) => exports.CreateProjectAsync(caller, body, cancellationToken),
            cancellationToken);

    public static async Task<IResult> UpdateProjectAsync([FromRoute(Name = "export_id")] string exportId, HttpRequest request, [FromHeader(Name = KeyHeader)] string? key,
        V1Callers callers, V1Exports exports, CancellationToken cancellationToken) =>
        await WriteAsync(request, key, V1Exports.ProjectUpdateFields, callers,
            (caller, body) => exports.UpdateAsync(caller, ExportKind.Project, exportId, body, cancellationToken), cancellationToken);

    public static async Task<IResult> CreateImageAsync(HttpRequest request, [FromHeader(Name = KeyHeader)] string? key, V1Callers callers,
        V1Exports exports, CancellationToken cancellationToken) =>
        await WriteAsync(request, key, V1Exports.ImageCreateFields, callers, (caller, body) => exports.CreateImageAsync(caller, body, cancellationToken),
            cancellationToken);

    public static async Task<IResult> UpdateImageAsync(string id, HttpRequest request, [FromHeader(Name = KeyHeader)] string? key,
        V1Callers callers, V1Exports exports, CancellationToken cancellationToken) =>
        await WriteAsync(request, key, V1Exports.ImageUpdateFields, callers,
            (caller, body) => exports.UpdateAsync(caller, ExportKind.Environment, id, body, cancellationToken), cancellationToken);

    public static async Task<IResult> ArchiveImageAsync(string id, [FromHeader(Name = KeyHeader)] string? key, V1Callers callers,
        V1Exports exports, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await callers.ResolveAsync(key, cancellationToken);
        if (caller is null) return Answer(refusal!.Status, new V1ArchiveResponse(false, refusal.Message, null, refusal.Hint));
        var answer = await exports.ArchiveImageAsync(caller, id, cancellationToken);
        return Answer(answer.Status, answer.Body);
    }

    private static async Task<IResult> ProjectStatusAsync(string? id, string? project, string? key, V1Callers callers, V1Statuses statuses,
        CancellationToken cancellationToken)
    {
        var (caller, refusal) = await callers.ResolveAsync(key, cancellationToken);
        if (caller is null) return StatusRefusal(refusal!);
        return Answer(StatusCodes.Status200OK, await statuses.ProjectsAsync(caller, id, project, cancellationToken));
    }

    private static async Task<IResult> ImageStatusAsync(string? id, string? key, V1Callers callers, V1Statuses statuses,
        CancellationToken cancellationToken)
    {
        var (caller, refusal) = await callers.ResolveAsync(key, cancellationToken);
        if (caller is null) return StatusRefusal(refusal!);
        return Answer(StatusCodes.Status200OK, await statuses.ImagesAsync(caller, id, cancellationToken));
    }

    /// <summary>The body first (a malformed one is 400 whoever asks), then the key, then the work.</summary>
    private static async Task<IResult> WriteAsync(HttpRequest request, string? key, IReadOnlyList<V1Field> fields, V1Callers callers,
        Func<V1Caller, V1Body, Task<V1Answer>> work, CancellationToken cancellationToken)
    {
        var (body, hint) = await V1Body.ReadAsync(request, fields, cancellationToken);
        if (body is null) return Answer(StatusCodes.Status400BadRequest, new V1ExportResponse(false, V1Body.Invalid, null, null, hint));
        var (caller, refusal) = await callers.ResolveAsync(key, cancellationToken);
        if (caller is null)
            return Answer(refusal!.Status, new V1ExportResponse(false, body.Message([refusal.Message]), null, null, refusal.Hint));
        var answer = await work(caller, body);
        return Answer(answer.Status, answer.Body);
    }

    /// <summary>A refused key gets the original's 401 with <c>[]</c>; a v1 API that is not set up says so.</summary>
    private static IResult StatusRefusal(V1Refusal refusal) => refusal.Status == StatusCodes.Status401Unauthorized
        ? Answer(refusal.Status, Array.Empty<object>())
        : Answer(refusal.Status, new V1ExportResponse(false, refusal.Message, null, null, refusal.Hint));

    private static IResult Answer(int status, object body) => status == StatusCodes.Status401Unauthorized
        ? new V1Challenge(Results.Json(body, Json, statusCode: status))
        : Results.Json(body, Json, statusCode: status);

    private static RouteHandlerBuilder Writes(RouteHandlerBuilder endpoint, params int[] statuses)
    {
        endpoint.AddEndpointFilter(Guard(e => new V1ExportResponse(false, Unexpected(e), null, null)));
        foreach (var status in statuses) endpoint.Produces<V1ExportResponse>(status);
        return endpoint;
    }

    private static RouteHandlerBuilder Statuses<T>(RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter(Guard(_ => Array.Empty<object>()))
        .Produces<IReadOnlyList<T>>(200).Produces<string[]>(401).Produces<V1ExportResponse>(503);

    /// <summary>
    /// Documents the JSON body. Not <c>Accepts</c>: that would make routing refuse other content types with 415,
    /// and the original read JSON whatever the Content-Type said (with a warning when it was not JSON).
    /// </summary>
    private static RouteHandlerBuilder JsonBody<TBody>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A JSON object; read as JSON whatever the Content-Type says.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken) },
                },
            };
        });

    private static string Unexpected(Exception e) => $"An unexpected error has occurred: {e.GetType().Name}";

    /// <summary>Anything unexpected is logged and answered 503 in the endpoint's own shape.</summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Guard(Func<Exception, object> body) =>
        async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception e) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(V1Api).FullName!)
                    .LogError(e, "The v1 API failed on {Method} {Path}", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
                return Answer(StatusCodes.Status503ServiceUnavailable, body(e));
            }
        };
}
