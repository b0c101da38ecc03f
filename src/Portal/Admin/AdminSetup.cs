using Portal.Contracts.Admin;

namespace Portal.Admin;

/// <summary>User administration: approve, reject, disable, grant and revoke Admin.</summary>
public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<IUserAdministration, ServerUserAdministration>();
        return services;
    }
}
