using Portal.Client.Admin;
using Portal.Health;
using Portal.Profile;
using Portal.V1;
using Portal.Contracts.Admin;
using Portal.Contracts.Profile;

namespace Portal.Api;

/// <summary>The REST APIs: the v1 compatibility API, personal access tokens, the OpenAPI document and /docs.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddPortalApiAuthentication();
        services.AddPortalOpenApi();
        services.AddHealthChecks().AddCheck<HangfireStorageCheck>("hangfire", tags: [PortalHealth.ReadyTag]);

        services.AddScoped<OriginalHealth>();
        services.AddScoped<PersonalAccessTokenService>();
        services.AddScoped<V1.V1Settings>();
        services.AddScoped<V1Callers>();
        services.AddScoped<V1Exports>();
        services.AddScoped<V1Statuses>();
        services.AddScoped<ITokensClient, ServerTokensClient>();
        services.AddScoped<IV1SettingsClient, ServerV1SettingsClient>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        app.MapV1Api();
        app.MapTokensApi();
        app.MapV1SettingsApi();
        app.MapPortalOpenApi();
        return app;
    }
}
