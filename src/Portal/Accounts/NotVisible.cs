using System.Net;

namespace Portal.Accounts;

/// <summary>
/// What a page's server client throws for something the caller may not see, as its HTTP twin does on the API's 404
/// (the client interfaces' contract: a failed call throws <see cref="HttpRequestException"/> with the reason).
/// </summary>
internal static class NotVisible
{
    public static HttpRequestException Run() => new("This run does not exist, or it is not yours to see.", null, HttpStatusCode.NotFound);

    public static HttpRequestException Export() => new("This export does not exist, or it is not yours to see.", null, HttpStatusCode.NotFound);
}
