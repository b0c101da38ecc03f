using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;

namespace Portal.Connections;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerConnectionsClient(PageCaller user) : IConnectionsClient
{
    public Task<ConnectionsOverview> GetAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, ConnectionsOverview>((s, _) => s.GetAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveDeploymentAsync(int? id, DominoDeploymentForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.SaveDeploymentAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveS3TargetAsync(int? id, S3TargetForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.SaveS3TargetAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveRegistryAsync(int? id, RegistryTargetForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.SaveRegistryAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> DeleteAsync(string kind, int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.DeleteAsync(kind, id, cancellationToken), adminOnly: true);

    public Task<ConnectionTestResult> TestAsync(string kind, int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, ConnectionTestResult>(
            async (s, _) => await s.TestAsync(kind, id, cancellationToken)
                ?? new ConnectionTestResult([new ConnectionCheckDto(kind, false, "This connection no longer exists.", 0)]), adminOnly: true);
}
