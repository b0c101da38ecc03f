using Portal.Contracts.Connections;

namespace Portal.Connections;

/// <summary>Connections: Domino deployments, S3 targets and registries, set up by admins.</summary>
// AddPortalConnections, not AddConnections: ASP.NET Core already has one (for SignalR).
public static class ConnectionsSetup
{
    public static IServiceCollection AddPortalConnections(this IServiceCollection services)
    {
        services.AddScoped<ConnectionService>();
        services.AddScoped<IConnectionsClient, ServerConnectionsClient>();
        return services;
    }
}
