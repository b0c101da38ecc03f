namespace Portal.Api;

/// <summary>What every REST API shares: token authentication (with its rate limit), the OpenAPI document and /docs.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddPortalApiAuthentication();
        services.AddPortalOpenApi();
        return services;
    }
}
