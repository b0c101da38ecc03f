namespace Portal.Hardening;

/// <summary>
/// What every request passes first: ProblemDetails for <c>/api</c> failures, the security headers, and the
/// cross-site request check on cookie-authenticated <c>/api</c> writes (docs/decisions/012-hardening.md).
/// </summary>
public static class HardeningSetup
{
    public static IServiceCollection AddPortalHardening(this IServiceCollection services)
    {
        services.AddPortalApiErrors();
        services.AddSingleton<FailedAttempts>();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it (routing, authentication, endpoints) is covered.</summary>
    public static IApplicationBuilder UsePortalHardening(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        app.UsePortalApiErrors();
        app.UseCrossSiteGuard();
        app.UseAttemptLimits();
        return app;
    }
}
