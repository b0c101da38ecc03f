using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Api;

/// <summary>
/// Cross-site request forgery on <c>/api</c>: a state-changing request that rides on the sign-in cookie must
/// prove it comes from the portal's own pages — <c>Sec-Fetch-Site: same-origin</c>, or (older browsers,
/// scripts) an <c>Origin</c> equal to the portal's, or the antiforgery header — and, when it has a body, send
/// JSON. SameSite=Lax alone let a page on another port of the same host change things. Bearer-token calls
/// carry no ambient credential and pass untouched.
/// </summary>
public static class CrossSiteGuard
{
    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app) =>
        app.UseWhen(NeedsCheck, api => api.Use(async (context, next) =>
        {
            var refusal = await RefusalAsync(context);
            if (refusal is null)
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = refusal.Value.Status;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = refusal.Value.Status, Title = "Cross-site request refused", Detail = refusal.Value.Reason },
            });
        }));

    private static bool NeedsCheck(HttpContext context) =>
        ApiErrors.IsApi(context.Request)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static async Task<(int Status, string Reason)?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var sameOrigin = site.Length > 0
            ? site == "same-origin"
            : origin.Length > 0 ? OwnOrigins(context).Contains(origin, StringComparer.OrdinalIgnoreCase)
            : await ValidAsync(context);
        if (!sameOrigin)
            return (StatusCodes.Status403Forbidden, site.Length > 0 || origin.Length > 0
                ? "This request came from another site; the portal's own pages and personal access tokens may change things."
                : "Send the antiforgery token in the 'RequestVerificationToken' header, or call the API with a personal access token.");
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && request.HasFormContentType || hasBody && !(request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
            return (StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON with 'Content-Type: application/json'.");
        return null;
    }

    /// <summary>The token is bound to the signed-in user; this check runs before the authentication middleware, so it signs in first.</summary>
    private static async Task<bool> ValidAsync(HttpContext context)
    {
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (cookie.Succeeded) context.User = cookie.Principal;
        return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    /// <summary>The origin the request was addressed to, and the configured public URL's (behind a proxy they differ).</summary>
    private static IEnumerable<string> OwnOrigins(HttpContext context)
    {
        yield return $"{context.Request.Scheme}://{context.Request.Host}";
        var publicUrl = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicUrl;
        if (Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri)) yield return uri.GetLeftPart(UriPartial.Authority);
    }
}
