using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Portal.Domain.Domino;

/// <summary>
/// Sits outside the retries, so it sees each Domino call once, as the export sees it: counts it by endpoint and
/// outcome, times it (retries included), and logs a warning only when the retries gave up. Polly's own line per
/// retry is informational (<see cref="DependencyInjection.AddDominoClient"/>), so a healthy run logs nothing here.
/// </summary>
internal sealed partial class DominoCallHandler(DominoMetrics metrics, ILogger<DominoCallHandler> logger) : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<DominoEndpoint> EndpointKey = new("Portal.DominoEndpoint");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = request.Options.TryGetValue(EndpointKey, out var known) ? known.ToString() : "Other";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var outcome = DominoMetrics.OutcomeOf(status);
            metrics.Record(endpoint, outcome, Stopwatch.GetElapsedTime(started));
            if (status is 408 or 429 or >= 500) LogGaveUpStatus(logger, endpoint, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            metrics.Record(endpoint, DominoMetrics.Cancelled, Stopwatch.GetElapsedTime(started));
            throw;
        }
        catch (Exception e)
        {
            metrics.Record(endpoint, DominoMetrics.Unreachable, Stopwatch.GetElapsedTime(started));
            LogGaveUpError(logger, endpoint, Stopwatch.GetElapsedTime(started).TotalSeconds, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Domino {Endpoint} still answered {Status} after {Seconds:0.0} s of retries; giving up on this call")]
    private static partial void LogGaveUpStatus(ILogger logger, string endpoint, int status, double seconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Domino {Endpoint} could not be reached after {Seconds:0.0} s of retries; giving up on this call: {Error}")]
    private static partial void LogGaveUpError(ILogger logger, string endpoint, double seconds, string error);
}
