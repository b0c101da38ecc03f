namespace Portal.Accounts.SingleSignOn;

/// <summary>Back to the sign-in page with a message, from endpoints that are not Razor pages.</summary>
internal static class SignInPage
{
    /// <summary>The sign-in page's status message cookie (Components/Account/Shared/StatusMessage.razor reads it).</summary>
    private const string MessageCookie = Components.Account.IdentityRedirectManager.StatusCookieName;

    public static IResult WithError(HttpContext context, string message, string? returnUrl)
    {
        // Lax, not Strict: the way back from the provider starts on another site, and the message must survive it.
        context.Response.Cookies.Append(MessageCookie, "Error: " + message, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromSeconds(30),
            Path = "/",
        });
        var local = LocalOrHome(returnUrl, context.Request);
        var target = local == "/" ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(local)}";
        return TypedResults.Redirect(target);
    }

    /// <summary>
    /// Only a path on this site: a relative one, or an absolute address of this very site (the pages' sign-in
    /// links carry those); anything else (another host, <c>//host</c>) goes home.
    /// </summary>
    public static string LocalOrHome(string? returnUrl, HttpRequest? request = null)
    {
        if (string.IsNullOrWhiteSpace(returnUrl))
        {
            return "/";
        }
        if (Uri.TryCreate(returnUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            var sameSite = request is not null && absolute.Scheme == request.Scheme
                           && string.Equals(absolute.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
            return sameSite ? absolute.PathAndQuery : "/";
        }
        var path = returnUrl.StartsWith('/') ? returnUrl : "/" + returnUrl;
        return path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal)
               || !Uri.IsWellFormedUriString(path, UriKind.Relative) ? "/" : path;
    }
}
