using Portal.Contracts.Admin;

namespace Portal.V1;

/// <summary>The original service's v1 API and the admin's settings for it.</summary>
public static class V1Setup
{
    public static IServiceCollection AddV1(this IServiceCollection services)
    {
        services.AddScoped<V1Settings>();
        services.AddScoped<V1Callers>();
        services.AddScoped<V1Exports>();
        services.AddScoped<V1Statuses>();
        services.AddScoped<IV1SettingsClient, ServerV1SettingsClient>();
        return services;
    }

    public static IEndpointRouteBuilder MapV1(this IEndpointRouteBuilder app)
    {
        app.MapV1Api();
        app.MapV1SettingsApi();
        return app;
    }
}
