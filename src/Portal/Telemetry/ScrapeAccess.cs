using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Telemetry;

/// <summary>
/// Guards <c>/metrics</c>: the counters name exports' kinds, Domino endpoints and connection names, which are nobody
/// else's business. A caller from an allowed address, or one that sends the scrape token, gets them; anyone else a 403.
/// </summary>
internal sealed class ScrapeAccess(IOptions<TelemetryOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> _networks = options.Value.AllowedNetworks();
    private readonly byte[]? _token = string.IsNullOrEmpty(options.Value.ScrapeToken) ? null : Encoding.UTF8.GetBytes(options.Value.ScrapeToken);

    /// <summary>Middleware in the scrape endpoint's own pipeline (endpoint filters do not run for it).</summary>
    public async Task GuardAsync(HttpContext context, Func<Task> next)
    {
        // The exporter answers any method; a scrape is a GET (HEAD for a probe).
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: "Scrape /metrics with GET.").ExecuteAsync(context);
            return;
        }
        if (Allows(context))
        {
            await next();
            return;
        }
        // A wrong scrape token counts against the address as a wrong personal access token does (Api/AttemptLimits).
        if (HasBearer(context.Request)) context.Items[Api.BearerTokenHandler.FailedItem] = true;
        await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Metrics are served only to the addresses in Telemetry:AllowedAddresses or with the Telemetry:ScrapeToken bearer token.")
            .ExecuteAsync(context);
    }

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    internal bool Allows(HttpContext context)
    {
        if (_token is not null && context.Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), _token))
            return true;
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return _networks.Any(n => n.Contains(remote));
    }
}
