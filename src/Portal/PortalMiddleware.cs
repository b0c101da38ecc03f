using Portal.Hosting;
using Portal.Accounts;
using Portal.Api;
using Portal.Security;

namespace Portal;

/// <summary>The web node's request pipeline, in the order it must run.</summary>
internal static class PortalMiddleware
{
    public static void UsePortalMiddleware(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseWebAssemblyDebugging();
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UsePackageCompression();
        // Before routing and authentication, so that everything after them is covered (docs/decisions/014-hardening.md):
        // the headers on every answer, ProblemDetails for every /api failure, the cross-site check on cookie-authenticated
        // /api writes, and the failed-credential limits before any token or key is looked up.
        app.UseSecurityHeaders();
        app.UseApiErrors();
        app.UseCrossSiteGuard();
        app.UseAttemptLimits();
        // Pages get a friendly status page; /api and /v1 callers get the bare status code. It must wrap
        // authorization to see its 403s, hence the explicit routing and auth middleware below. Only GET and HEAD are
        // re-executed: a POST would reach the status page as a form post without its antiforgery token (a 400, not the 403).
        app.UseWhen(context => !PortalCookies.IsApiRequest(context.Request)
                               && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAnonymousSignInForms();
        app.UseAuthorization();
        app.UseAntiforgery();
    }
}
