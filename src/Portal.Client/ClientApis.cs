using Microsoft.Extensions.DependencyInjection;
using Portal.Client.Admin;
using Portal.Client.Audit;
using Portal.Client.Connections;
using Portal.Client.Dashboard;
using Portal.Client.Exports;
using Portal.Client.Profile;
using Portal.Client.Runs;
using Portal.Client.Templates;
using Portal.Contracts.Admin;
using Portal.Contracts.Audit;
using Portal.Contracts.Connections;
using Portal.Contracts.Dashboard;
using Portal.Contracts.Exports;
using Portal.Contracts.Profile;
using Portal.Contracts.Runs;
using Portal.Contracts.Templates;

namespace Portal.Client;

public static class ClientApis
{
    /// <summary>The pages' clients in WebAssembly: the portal's own /api, with the sign-in cookie.</summary>
    public static IServiceCollection AddPortalHttpClients(this IServiceCollection services)
    {
        services.AddScoped<IConnectionsClient, HttpConnectionsClient>();
        services.AddScoped<ITemplatesClient, HttpTemplatesClient>();
        services.AddScoped<IProfileClient, HttpProfileClient>();
        services.AddScoped<IExportsClient, HttpExportsClient>();
        services.AddScoped<IRunsClient, HttpRunsClient>();
        services.AddScoped<ITokensClient, HttpTokensClient>();
        services.AddScoped<IV1SettingsClient, HttpV1SettingsClient>();
        services.AddScoped<IDashboardClient, HttpDashboardClient>();
        services.AddScoped<IAuditClient, HttpAuditClient>();
        return services;
    }
}
