using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.Accounts;

internal static class PortalCookies
{
    /// <summary>How soon a rejected, disabled or demoted user's cookie stops working, and an approval reaches an open session.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/v1");

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.LoginPath = "/Account/Login";
        cookie.LogoutPath = "/Account/Logout";
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            // A real 403, not a redirect: the status page explains it (awaiting approval, or not an admin).
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (IsApiRequest(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }
            return Task.CompletedTask;
        };
    }
}
