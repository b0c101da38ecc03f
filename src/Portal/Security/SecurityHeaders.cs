using Microsoft.Extensions.Options;

namespace Portal.Security;

/// <summary>
/// The browser-side defences on every answer: no MIME sniffing, no referrer to other sites, no powerful
/// browser features, no framing by other sites, and a content security policy. The policy allows what the
/// pages need and nothing from elsewhere: Blazor's WebAssembly runtime ('wasm-unsafe-eval'), its framework
/// scripts and the inline import map ('unsafe-inline' for scripts; see docs/decisions/014-hardening.md),
/// MudBlazor's inline styles, the interactive circuit's WebSocket (same origin), and the docs page's and
/// Hangfire dashboard's own scripts, all served by the portal. A portal whose pages run only on the server
/// (<c>Portal:Interactivity</c> = Server) leaves out 'wasm-unsafe-eval'.
/// </summary>
public static class SecurityHeaders
{
    // One policy, written once: the two variants differ only in whether scripts may compile WebAssembly.
    private const string ScriptsFromThePortal = "default-src 'self'; script-src 'self' 'unsafe-inline'";

    private const string EverythingElse = "; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string ContentSecurityPolicy = ScriptsFromThePortal + " 'wasm-unsafe-eval'" + EverythingElse;

    /// <summary>The policy without WebAssembly, for a portal whose pages run only on the server.</summary>
    public const string ServerOnlyContentSecurityPolicy = ScriptsFromThePortal + EverythingElse;

    public static string PolicyFor(PortalInteractivity interactivity) =>
        interactivity == PortalInteractivity.Server ? ServerOnlyContentSecurityPolicy : ContentSecurityPolicy;

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyFor(app.ApplicationServices.GetRequiredService<IOptions<PortalOptions>>().Value.Interactivity);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // One policy: Blazor's own "frame-ancestors 'self'" (interactive server pages) is replaced by this stricter one.
                headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
