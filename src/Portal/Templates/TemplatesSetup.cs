using Portal.Contracts.Templates;

namespace Portal.Templates;

/// <summary>Dockerfile templates image exports build from.</summary>
public static class TemplatesSetup
{
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddScoped<TemplateService>();
        services.AddScoped<ITemplatesClient, ServerTemplatesClient>();
        return services;
    }
}
