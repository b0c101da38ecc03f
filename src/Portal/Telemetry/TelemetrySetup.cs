using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Domain.Domino;

namespace Portal.Telemetry;

/// <summary>Metrics (a guarded Prometheus endpoint, OTLP when configured), run traces, and the console log's format.</summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>The instruments alone: what the run code records into. Harmless without an exporter.</summary>
    public static IServiceCollection AddRunMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<RunMetrics>();
        services.TryAddSingleton<StateGauges>();
        return services;
    }

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => (o.AllowedAddresses ?? []).All(a => string.IsNullOrWhiteSpace(a) || Security.Networks.TryParse(a, out _)),
                "Telemetry:AllowedAddresses must hold IP addresses or CIDR networks (10.0.0.0/8).")
            .Validate(o => string.IsNullOrWhiteSpace(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _),
                "Telemetry:OtlpEndpoint must be an absolute URL or empty.")
            .Validate(o => o.GaugeCacheTime >= TimeSpan.Zero, "Telemetry:GaugeCacheTime must not be negative.")
            .ValidateOnStart();
        services.AddRunMetrics();
        services.AddSingleton<ScrapeAccess>();

        var otlp = configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}"] is { Length: > 0 } url ? new Uri(url) : null;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Security.SecuritySetup.ApplicationName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RunMetrics.MeterName, StateGauges.MeterName, DominoMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => Otlp(o, otlp));
            });
        // Spans cost something per call; without a collector to send them to, none are made.
        if (otlp is not null)
            telemetry.WithTracing(tracing => tracing
                .AddSource(RunTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = RunTracing.Enrich)
                .AddOtlpExporter(o => Otlp(o, otlp)));

        if (configuration.GetValue<bool>("Logging:Console:Json"))
            services.AddLogging(logging => logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            }));
        return services;
    }

    /// <summary>
    /// <c>/metrics</c> on every node (web and worker: the workers run the exports and count them), open to the allowed
    /// addresses or the scrape token only.
    /// </summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<IOptions<TelemetryOptions>>() is null) return app;
        // The gauges exist once their object does; make it before the first scrape.
        _ = app.ServiceProvider.GetRequiredService<StateGauges>();
        var access = app.ServiceProvider.GetRequiredService<ScrapeAccess>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(access.GuardAsync), optionsName: null);
        return app;
    }

    private static void Otlp(OtlpExporterOptions options, Uri endpoint)
    {
        options.Endpoint = endpoint;
        options.Protocol = endpoint.Port == 4318 ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }
}
