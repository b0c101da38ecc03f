using Portal.Api;
using Portal.Contracts.Dashboard;

namespace Portal.Dashboard;

public static class DashboardSetup
{
    public static IServiceCollection AddPortalDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<IDashboardClient, ServerDashboardClient>();
        return services;
    }
}
