using System.Security.Claims;
using Portal.Accounts.SingleSignOn;

namespace Portal.Accounts;

/// <summary>
/// The sign-in page and its provider button's target see an anonymous visitor, whatever session the browser carries. Their
/// forms are for signing in, and an antiforgery token is bound to the user it was made for: a session that ended between
/// showing the form and sending it (a rejected or disabled account's next stamp check) or one that started meanwhile
/// (another tab) turned the sign-in into a bare 400. The session itself is left alone: a signed-in visitor who opens the
/// page (an interactive page sends one there when its circuit's check fails) stays signed in until they sign in again.
/// </summary>
internal static class SignInForms
{
    private static readonly PathString[] Paths = [new("/Account/Login"), new(ProviderEndpoints.ChallengePath)];

    public static bool IsSignInForm(PathString path) => Paths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>After authentication, before authorization and the antiforgery check.</summary>
    public static IApplicationBuilder UseAnonymousSignInForms(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsSignInForm(context.Request.Path)) context.User = new ClaimsPrincipal(new ClaimsIdentity());
        return next(context);
    });
}
