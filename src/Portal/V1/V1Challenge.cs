namespace Portal.V1;

/// <summary>
/// A v1 401 with a <c>WWW-Authenticate</c> header naming where the key goes. HTTP asks for the header on a 401, and
/// it is the one place for that hint that a script comparing the original's JSON cannot trip over.
/// </summary>
public sealed class V1Challenge(IResult inner) : IResult
{
    public const string Value = $"DominoApiKey header=\"{V1Callers.Header}\"";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.WWWAuthenticate = Value;
        return inner.ExecuteAsync(httpContext);
    }
}
