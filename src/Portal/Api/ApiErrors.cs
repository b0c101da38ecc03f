using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Portal.Api;

/// <summary>
/// Every <c>/api</c> failure answers ProblemDetails with a reason: a body that is not JSON or has a wrong type
/// (the binder's exception, thrown in every environment), an unexpected exception (never the HTML error page,
/// never a stack trace), and bare status codes such as 401, 404, 405 and 415. <c>/v1</c> keeps its own format:
/// its endpoints read their bodies themselves and answer their own errors (V1Api's guard).
/// </summary>
public static partial class ApiErrors
{
    /// <summary>The largest <c>/api</c> request body: the biggest form (a Dockerfile template) is far smaller.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        // Development throws these by default and Production answers an empty 400; thrown everywhere, they get a reason below.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (!IsApi(context.HttpContext.Request)) return;
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        return services;
    }

    /// <summary>Wraps everything after it for <c>/api</c> requests; place it first.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => IsApi(context.Request), api =>
        {
            api.Use((context, next) =>
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = MaxBodyBytes;
                return next(context);
            });
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync, StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        JsonException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static async Task WriteAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? StatusCodes.Status500InternalServerError : StatusFor(exception);
        if (status >= 500 && exception is not null)
            Log.Unexpected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrors).FullName!),
                exception, context.Request.Method, context.Request.Path.Value ?? "");
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = status >= 500 ? "An unexpected error occurred" : "The request is invalid",
                Detail = status >= 500 ? "The portal could not complete the request; it is logged. Try again, or tell your administrator."
                    : Describe(exception),
            },
        });
    }

    /// <summary>The binder's message plus what System.Text.Json found (field path and position), never a type dump or stack.</summary>
    private static string? Describe(Exception? exception)
    {
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            return $"The request body is larger than {MaxBodyBytes / 1024} KiB.";
        var json = exception as JsonException ?? exception?.InnerException as JsonException;
        if (json is null) return exception?.Message;
        var where = json.Path is { Length: > 0 } path ? $" at '{path}'" : "";
        var line = json.LineNumber is { } l ? $" (line {l + 1}, position {json.BytePositionInLine + 1})" : "";
        var what = json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "a value has the wrong type" : "the body is not valid JSON";
        return $"The body could not be read: {what}{where}{line}. Send a JSON object with the documented fields and types.";
    }

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is invalid.",
        StatusCodes.Status401Unauthorized => "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.",
        StatusCodes.Status403Forbidden => "Your account may not do this (awaiting approval, not an admin, or a token where a browser session is needed).",
        StatusCodes.Status404NotFound => "There is no such resource, or it is not yours to see.",
        StatusCodes.Status405MethodNotAllowed => "This path does not take that HTTP method; see /openapi/v1.json.",
        StatusCodes.Status413PayloadTooLarge => $"The request body is larger than {MaxBodyBytes / 1024} KiB.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
        StatusCodes.Status429TooManyRequests => "Too many requests; wait, then try again.",
        _ => $"The request failed with status {status}.",
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The API failed on {Method} {Path}")]
        public static partial void Unexpected(ILogger logger, Exception exception, string method, string path);
    }
}
