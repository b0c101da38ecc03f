namespace Portal.Api;

/// <summary>
/// What every REST API shares: token authentication (with its rate limit and the failed-credential limits), ProblemDetails
/// for every failure, the input rules and the cross-site check (wired in PortalMiddleware), the OpenAPI document and /docs.
/// </summary>
public static class ApiSetup
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddApiErrors();
        services.AddSingleton<FailedAttempts>();
        services.AddHttpContextAccessor();
        services.AddPortalApiAuthentication();
        services.AddPortalOpenApi();
        return services;
    }
}
