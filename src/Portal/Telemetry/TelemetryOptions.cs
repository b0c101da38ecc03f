using System.Net;

namespace Portal.Telemetry;

/// <summary>Who may scrape <c>/metrics</c>, and where to push metrics and traces over OTLP.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Callers allowed to scrape without a token: addresses or CIDR networks (<c>10.0.0.0/8</c>); loopback when unset.
    /// Null rather than a filled list by default: the configuration binder adds to a list it finds, never replaces it.
    /// </summary>
    public List<string>? AllowedAddresses { get; set; }

    /// <summary>A bearer token that lets any caller scrape (Prometheus's <c>authorization.credentials</c>); none by default.</summary>
    public string? ScrapeToken { get; set; }

    /// <summary>An OTLP collector (gRPC, or HTTP/protobuf when the URL's port is 4318); metrics and traces go there when set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How long the counts of queued and running runs read from the database are reused between scrapes.</summary>
    public TimeSpan GaugeCacheTime { get; set; } = TimeSpan.FromSeconds(10);

    internal IReadOnlyList<IPNetwork> AllowedNetworks() =>
        (AllowedAddresses ?? ["127.0.0.1", "::1"]).Where(a => !string.IsNullOrWhiteSpace(a)).Select(Security.Networks.Parse).ToList();
}
