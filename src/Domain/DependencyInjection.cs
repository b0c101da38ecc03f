using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using Portal.Domain.Domino;
using Portal.Domain.Files;
using Portal.Domain.Images;
using Portal.Domain.Images.Engine;
using Portal.Domain.Images.Registry;
using Portal.Domain.S3;

namespace Portal.Domain;

public static class DependencyInjection
{
    /// <summary>The Domino API client with timeouts and retries; bind <see cref="DominoClientOptions"/> to configure it.</summary>
    public static IServiceCollection AddDominoClient(this IServiceCollection services)
    {
        services.AddOptions<DominoClientOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDominoClientFactory, DominoClientFactory>();
        services.AddMetrics();
        services.TryAddSingleton<DominoMetrics>();
        services.AddTransient<DominoCallHandler>();
        // A retry that a later try makes good is routine: Polly's lines for the failed try and the retry drop from Warning to
        // Information, and DominoCallHandler warns once when the retries give up. Timeouts and an opening circuit keep theirs.
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = args =>
            args.Event.EventName is "OnRetry" or "ExecutionAttempt" && args.Event.Severity > ResilienceEventSeverity.Information
                ? ResilienceEventSeverity.Information
                : args.Event.Severity);
        AddDominoHttpClient(services, DominoClientFactory.VerifiedTls, verifyTls: true);
        AddDominoHttpClient(services, DominoClientFactory.UnverifiedTls, verifyTls: false);
        return services;
    }

    /// <summary>The project file export (S3); bind <see cref="FileExportOptions"/> ("Exports") to configure it.</summary>
    public static IServiceCollection AddFileExport(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IDominoClientFactory))) services.AddDominoClient();
        services.AddOptions<FileExportOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IS3ClientFactory, S3ClientFactory>();
        services.AddSingleton<ProjectFilesExporter>();
        services.AddSingleton<SnapshotChecker>();
        services.AddSingleton<StatusLogs.StatusLogWriter>();
        return services;
    }

    private static void AddDominoHttpClient(IServiceCollection services, string name, bool verifyTls)
    {
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    AutomaticDecompression = DecompressionMethods.None,
                };
                if (!verifyTls)
                    handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
                return handler;
            })
            // Added before the retries, so it wraps them: one count, one latency and at most one warning per call.
            .AddHttpMessageHandler<DominoCallHandler>()
            .AddResilienceHandler("domino", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<DominoClientOptions>>().Value;
                pipeline
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args => ShouldRetryAsync(args.Outcome, options.MaxRetries),
                    })
                    .AddTimeout(options.AttemptTimeout);
            })
            // One pipeline per Domino host: a failing deployment must not slow down another.
            .SelectPipelineByAuthority();
    }

    /// <summary>Retry 5xx, 408, 429 and timeouts, but not a 500 that is Domino's way of saying "not found".</summary>
    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, int maxRetries)
    {
        if (maxRetries == 0) return false;
        if (outcome.Exception is not null)
            return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status is not (408 or 429 or >= 500)) return false;
        if (status != 500) return true;
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        return !DominoErrors.IsKnownAnswer(body);
    }

    /// <summary>
    /// The image export (<see cref="ImageExporter"/>): registry-to-registry copies, and the Docker engine for templates
    /// that need a build. <see cref="ImagesOptions"/> is bound from the "Images" section when an IConfiguration is
    /// registered; bind <see cref="DockerOptions"/> to point it at a Docker engine.
    /// </summary>
    public static IServiceCollection AddImageExport(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(IDominoClientFactory))) services.AddDominoClient();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DockerOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImagesOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(ImagesOptions.Section).Bind(o))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(RegistryClientFactory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by the client itself: blob storage must not receive the registry's credentials.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(30),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<RegistryClientFactory>();
        services.AddSingleton<ImageExportPlanner>();
        services.AddSingleton<DockerEngineFactory>();
        services.AddSingleton<ImageExporter>();
        return services;
    }
}
