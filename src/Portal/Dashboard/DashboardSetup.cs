using Portal.Contracts.Dashboard;

namespace Portal.Dashboard;

/// <summary>The home page's tiles and charts.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<IDashboardClient, ServerDashboardClient>();
        return services;
    }
}
