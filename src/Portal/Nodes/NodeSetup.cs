namespace Portal.Nodes;

/// <summary>What differs between a web node, a worker node and a node that does both (docs/decisions/009).</summary>
public static class NodeSetup
{
    public static IServiceCollection AddNodes(this IServiceCollection services, IConfiguration configuration, NodeRole role)
    {
        services.AddSingleton(typeof(NodeRole), role);
        services.AddSingleton(new PortalNode(configuration["Portal:NodeName"] is { Length: > 0 } name ? name : Environment.MachineName));
        return services;
    }

    public static NodeRole GetNodeRole(this IServiceProvider services) =>
        services.GetService(typeof(NodeRole)) is NodeRole role ? role : NodeRole.All;
}
