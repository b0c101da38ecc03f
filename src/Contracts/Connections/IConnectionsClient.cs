using Portal.Contracts.Shared;

namespace Portal.Contracts.Connections;

/// <summary>The admin connections page's view of the server (in-process on the server, <c>/api/admin/connections</c> in WebAssembly).</summary>
public interface IConnectionsClient
{
    Task<ConnectionsOverview> GetAsync(CancellationToken cancellationToken = default);

    Task<SaveResult> SaveDeploymentAsync(int? id, DominoDeploymentForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> SaveS3TargetAsync(int? id, S3TargetForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> SaveRegistryAsync(int? id, RegistryTargetForm form, CancellationToken cancellationToken = default);

    /// <summary>Deletes a connection no export uses (<paramref name="kind"/>: domino, s3 or registry).</summary>
    Task<SaveResult> DeleteAsync(string kind, int id, CancellationToken cancellationToken = default);

    /// <summary>Tests a stored connection (<paramref name="kind"/>: domino, s3, registry or docker; id 0 for docker).</summary>
    Task<ConnectionTestResult> TestAsync(string kind, int id, CancellationToken cancellationToken = default);
}
