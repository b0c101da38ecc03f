using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Portal.Testbed.Domino;

public sealed partial class DominoDouble
{
    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
            _requests.Enqueue(new RecordedRequest(context.Request.Method, target,
                context.Request.Headers.TryGetValue("X-Domino-Api-Key", out var k) ? k.ToString() : null));
            if (Faults.Latency > TimeSpan.Zero) await Task.Delay(Faults.Latency, context.RequestAborted);
            if (Faults.Take(target, cut: false) is { } fault)
            {
                context.Response.StatusCode = fault.Status;
                await context.Response.WriteAsync(fault.Body, context.RequestAborted);
                return;
            }
            await next(context);
        });

        app.MapGet("/version", () => Results.Json(new { version = "5.11.0-double", commitId = "double" }));

        app.MapGet("/v4/auth/principal", (HttpContext context) => Caller(context) is { } user
            ? Results.Json(new { isAnonymous = false, canonicalName = user.UserName, canonicalId = user.Id, isAdmin = false })
            : Results.Json(new { isAnonymous = true, canonicalName = "anonymous", canonicalId = (string?)null, isAdmin = false }));

        app.MapGet("/v4/gateway/projects/findProjectByOwnerAndName", (HttpContext context, string ownerName, string projectName) =>
        {
            if (Caller(context) is not { } user) return Results.Unauthorized();
            if (FindProject(ownerName, projectName) is not { } project)
                return Results.NotFound(new { message = $"Project {ownerName}/{projectName} not found" });
            return project.CanSee(user) ? Results.Json(ProjectJson(project, user)) : Results.StatusCode(403);
        });

        app.MapGet("/v4/gateway/projects", (HttpContext context) => Caller(context) is { } user
            ? Results.Json(_projects.Values.Where(p => p.CanSee(user)).OrderBy(p => p.Name)
                .Select(p => ProjectListShape == ProjectListShape.Lean ? LeanProjectJson(p) : ProjectJson(p, user)))
            : Results.Unauthorized());

        var projects = app.MapGroup("/v4/projects/{projectId}");
        projects.MapGet("/commits", (HttpContext context, string projectId) => WithProject(context, projectId,
            "NoSuchElementException: key not found",
            (project, _) => Results.Json(project.Commits.Select(c => new { id = c.Id, commitTime = c.Time.ToUnixTimeMilliseconds() }))));

        projects.MapGet("/commits/{commitId}/files/{**path}", (HttpContext context, string projectId, string commitId) =>
            WithProject(context, projectId, "NoSuchElementException: key not found", (project, _) =>
            {
                var commit = commitId == "head" ? project.Head : project.Commits.FirstOrDefault(c => c.Id == commitId);
                if (commit is null)
                    return Results.Text("Error cloning git repository: Invalid remote: origin", statusCode: 500);
                return Results.Json(commit.Files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new
                {
                    path = new { canonicalizedPathString = f.Path },
                    key = f.Content.Key,
                    size = f.Content.Length,
                    lastModified = commit.Time.ToUnixTimeMilliseconds(),
                }));
            }));

        projects.MapGet("/useableEnvironments", (HttpContext context, string projectId) => WithProject(context, projectId,
            "not found", (project, _) => Results.Json(new
            {
                currentlySelectedEnvironment = project.Environment is { } e
                    ? new { id = e.EnvironmentId, v2EnvironmentDetails = new { selectedRevision = e.Revision } }
                    : null,
            })));

        app.MapGet("/v1/projects/{owner}/{projectName}/blobs/{key}", ServeBlobAsync);

        app.MapGet("/v1/environments", (HttpContext context) => Caller(context) is null
            ? Results.Unauthorized()
            : Results.Json(new { data = _environments.Values.OrderBy(e => e.Name).Select(e => new { id = e.Id, name = e.Name }) }));

        app.MapGet("/environments/{environmentId}/json", (HttpContext context, string environmentId) =>
        {
            if (Caller(context) is not { } user) return Results.Unauthorized();
            if (!_environments.TryGetValue(environmentId, out var environment))
                return Results.Text($"Error Message: Environment {environmentId} does not exist.", statusCode: 500);
            if (environment.IsDenied(user))
                return Results.Text($"Error Message: Not authorized: User {user.UserName} is not allowed to view environment {environmentId}.",
                    statusCode: 500);
            return Results.Json(new
            {
                id = environment.Id,
                name = environment.Name,
                revisions = environment.Revisions.Select(r => new { number = r.Number, dockerImageName = r.DockerImageName }),
            });
        });
    }

    private IResult WithProject(HttpContext context, string projectId, string notFoundBody, Func<TestProject, DominoUser, IResult> answer)
    {
        if (Caller(context) is not { } user)
            return Results.Text("Don't recognize principal AnonymousPrincipal", statusCode: 500);
        if (!_projects.TryGetValue(projectId, out var project))
            return Results.Text(notFoundBody, statusCode: 500);
        return project.CanSee(user) ? answer(project, user) : Results.StatusCode(403);
    }

    private async Task ServeBlobAsync(HttpContext context, string owner, string projectName, string key)
    {
        var user = Caller(context);
        var project = FindProject(owner, projectName);
        if (user is null) { context.Response.StatusCode = 401; return; }
        if (project is null) { context.Response.StatusCode = 404; return; }
        if (!project.CanSee(user)) { context.Response.StatusCode = 403; return; }
        if (project.IsVanished(key) || project.FindBlob(key) is not { } file)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("java.util.NoSuchElementException: key not found: " + key);
            return;
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var cut = Faults.Take(target, cut: true);
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Content.Length;
        await using var content = file.Content.Open();
        var buffer = new byte[64 * 1024];
        long sent = 0;
        var started = DateTime.UtcNow;
        int read;
        while ((read = await content.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (cut?.CutAfter is { } limit && sent + read > limit)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, (int)Math.Max(0, limit - sent)), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                return;
            }
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            sent += read;
            if (Faults.BytesPerSecondFor(key) is var throttle && throttle > 0)
            {
                var due = TimeSpan.FromSeconds((double)sent / throttle) - (DateTime.UtcNow - started);
                if (due > TimeSpan.Zero) await Task.Delay(due, context.RequestAborted);
            }
        }
    }

    /// <summary>A list entry as some Domino versions send it: the owner as an object, no permission fields.</summary>
    private static object LeanProjectJson(TestProject project) => new
    {
        id = project.Id,
        name = project.Name,
        owner = new { id = project.Owner.Id, userName = project.Owner.UserName },
        visibility = "Private",
    };

    private static object ProjectJson(TestProject project, DominoUser caller) => new
    {
        id = project.Id,
        name = project.Name,
        ownerId = project.Owner.Id,
        ownerUsername = project.Owner.UserName,
        visibility = "Private",
        allowedOperations = project.AllowedOperations(caller),
        created = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    };
}
