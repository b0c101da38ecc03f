using System.Globalization;
using Microsoft.Extensions.Options;

namespace Portal.Api;

/// <summary>
/// Refuses bearer-token calls on <c>/api</c> and Domino-key calls on <c>/v1</c> from an address that failed too
/// often, before the credential is looked up; counts the failures the token handler and the v1 key check mark.
/// </summary>
public static class AttemptLimits
{
    public const string TokenKind = "token";
    public const string V1KeyKind = "v1-key";

    /// <summary>Set by the v1 key check when Domino (or the memory of a refused key) said no.</summary>
    public const string V1KeyFailedItem = "Portal.V1KeyFailed";

    public static IApplicationBuilder UseAttemptLimits(this IApplicationBuilder app) =>
        app.UseWhen(context => IsBearerCall(context.Request) || IsV1KeyCall(context.Request), limited => limited.Use(async (context, next) =>
        {
            var attempts = context.RequestServices.GetRequiredService<FailedAttempts>();
            var api = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
            var (kind, limit, item) = IsBearerCall(context.Request)
                ? (TokenKind, api.FailedTokenLimit, BearerTokenHandler.FailedItem)
                : (V1KeyKind, api.FailedV1KeyLimit, V1KeyFailedItem);
            if (attempts.RetryAfter(kind, context, limit) is { } retry)
            {
                await RefuseAsync(context, kind, retry);
                return;
            }
            await next(context);
            if (context.Items.ContainsKey(item)) attempts.Record(kind, context);
        }));

    /// <summary>A personal access token on <c>/api</c>, or the scrape token on <c>/metrics</c> (ScrapeAccess marks a wrong one).</summary>
    private static bool IsBearerCall(HttpRequest request) =>
        (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(Telemetry.TelemetrySetup.MetricsPath)) && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool IsV1KeyCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/v1") && request.Headers.ContainsKey(V1.V1Api.KeyHeader);

    private static async Task RefuseAsync(HttpContext context, string kind, TimeSpan retry)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (kind == TokenKind)
        {
            await Results.Problem($"Too many failed token attempts from this address: wait {seconds} seconds, then use a valid token.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed token attempts").ExecuteAsync(context);
            return;
        }
        // The v1 API's own shape (success, message), as its other refusals.
        await Results.Json(new V1.V1ExportResponse(false,
                $"Too many failed Domino API key attempts from this address: wait {seconds} seconds, then use a valid key.", null, null),
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}
