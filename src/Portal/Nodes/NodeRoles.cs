using Portal.Data;

namespace Portal.Nodes;

public static class NodeRoles
{
    public const string Key = "Portal:Role";

    public static bool ServesWeb(this NodeRole role) => role != NodeRole.Worker;

    public static bool ProcessesJobs(this NodeRole role) => role != NodeRole.Web;

    /// <summary>
    /// <c>Portal:Role</c>, checked before any service is registered: a wrong value stops the portal at
    /// start-up with a message naming the key. Empty means <see cref="NodeRole.All"/>.
    /// </summary>
    public static NodeRole Resolve(IConfiguration configuration, DatabaseProvider provider)
    {
        var role = Parse(configuration[Key]);
        // With SQLite the job queue lives in this process's memory: a web node's jobs would reach no worker.
        if (role != NodeRole.All && provider == DatabaseProvider.Sqlite)
            throw new InvalidOperationException(
                $"{Key} is {Name(role)}, which needs a database the nodes share: set Database:Provider to SqlServer or PostgreSql, or {Key} to all.");
        return role;
    }

    public static NodeRole Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => NodeRole.All,
        "web" => NodeRole.Web,
        "worker" => NodeRole.Worker,
        _ => throw new InvalidOperationException($"{Key} must be all, web or worker, not '{value}'."),
    };

    public static string Name(NodeRole role) => role.ToString().ToLowerInvariant();
}
