using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Portal.Api;

namespace Portal.Security;

/// <summary>
/// The browser-side defences on every answer: no MIME sniffing, no referrer to other sites, no powerful
/// browser features, no framing by other sites, and a content security policy. The policy allows what the
/// pages need and nothing from elsewhere: the portal's own script files, Blazor's WebAssembly runtime
/// ('wasm-unsafe-eval'), MudBlazor's inline styles, the interactive circuit's WebSocket (same origin). The one
/// inline script of the pages, Blazor's import map, carries a nonce made for each answer, so no other inline script
/// runs (docs/decisions/014-hardening.md). Only <c>/docs</c> keeps 'unsafe-inline' for scripts: Scalar's page starts
/// itself with an inline script it writes without a nonce. A portal whose pages run only on the server
/// (<c>Portal:Interactivity</c> = Server) leaves out 'wasm-unsafe-eval'.
/// </summary>
public static class SecurityHeaders
{
    private const string EverythingElse = "; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private static readonly object NonceKey = new();

    /// <summary>The policy of a page (and of every other answer but /docs): inline scripts run only with <paramref name="nonce"/>.</summary>
    public static string PolicyFor(PortalInteractivity interactivity, string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'{(interactivity == PortalInteractivity.Server ? "" : " 'wasm-unsafe-eval'")}{EverythingElse}";

    /// <summary>The policy of /docs, whose page (Scalar's) starts with an inline script that carries no nonce.</summary>
    public const string DocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'" + EverythingElse;

    /// <summary>The nonce this answer's policy allows inline scripts with (null outside a request through the portal's pipeline).</summary>
    public static string? NonceOf(HttpContext context) => context.Items.TryGetValue(NonceKey, out var nonce) ? nonce as string : null;

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var interactivity = app.ApplicationServices.GetRequiredService<IOptions<PortalOptions>>().Value.Interactivity;
        return app.Use((context, next) =>
        {
            var docs = context.Request.Path.StartsWithSegments(PortalOpenApi.DocsPath, StringComparison.OrdinalIgnoreCase);
            // base64url: nothing in it that HTML encodes ('+' would reach the page as &#x2B;), and CSP takes it as it is.
            var nonce = docs ? null : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            if (nonce is not null) context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // One policy: Blazor's own "frame-ancestors 'self'" (interactive server pages) is replaced by this stricter one.
                headers.ContentSecurityPolicy = nonce is null ? DocsPolicy : PolicyFor(interactivity, nonce);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
