using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Portal.Health;

public static class PortalHealth
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/health</c>: the original service's JSON from the recorded component checks. <c>/health/live</c>: the
    /// process answers. <c>/health/ready</c>: and its database and Hangfire's storage do.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (OriginalHealth health, CancellationToken cancellationToken) =>
                TypedResults.Ok(await health.GetAsync(cancellationToken)))
            .AllowAnonymous().WithTags("Health")
            .WithSummary("The original service's health report: each component's last recorded check and the last successful run");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
