using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Portal.Domain.Domino;

/// <summary>The Domino API calls, by endpoint and outcome, with their latency (retries included).</summary>
public sealed class DominoMetrics
{
    public const string MeterName = "Portal.Domino";
    public const string Success = "success";
    public const string ClientError = "client_error";
    public const string ServerError = "server_error";
    public const string Unreachable = "unreachable";
    public const string Cancelled = "cancelled";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public DominoMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("portal.domino.calls", "{call}", "Domino API calls, by endpoint and outcome");
        _duration = meter.CreateHistogram<double>("portal.domino.call.duration", "s",
            "How long a Domino API call took until its answer's headers, retries included");
    }

    internal static string OutcomeOf(int status) => status switch
    {
        < 400 => Success,
        < 500 => ClientError,
        _ => ServerError,
    };

    internal void Record(string endpoint, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "endpoint", endpoint }, { "outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
