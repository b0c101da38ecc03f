using Portal.Hosting;
using Portal.Accounts;

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
        // Pages get a friendly status page; /api and /v1 callers get the bare status code. It must wrap
        // authorization to see its 403s, hence the explicit routing and auth middleware below.
        app.UseWhen(context => !PortalCookies.IsApiRequest(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: it counts the requests whose bearer token failed (ApiAuthentication).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
    }
}
