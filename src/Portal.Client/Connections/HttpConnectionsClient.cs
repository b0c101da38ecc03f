using System.Net.Http.Json;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;
using Portal.Client.Shared;

namespace Portal.Client.Connections;

public sealed class HttpConnectionsClient(HttpClient http) : IConnectionsClient
{
    private const string Base = "api/admin/connections";

    public async Task<ConnectionsOverview> GetAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<ConnectionsOverview>(Base, cancellationToken);

    public Task<SaveResult> SaveDeploymentAsync(int? id, DominoDeploymentForm form, CancellationToken cancellationToken = default) =>
        SaveAsync("domino", id, form, cancellationToken);

    public Task<SaveResult> SaveS3TargetAsync(int? id, S3TargetForm form, CancellationToken cancellationToken = default) =>
        SaveAsync("s3", id, form, cancellationToken);

    public Task<SaveResult> SaveRegistryAsync(int? id, RegistryTargetForm form, CancellationToken cancellationToken = default) =>
        SaveAsync("registries", id, form, cancellationToken);

    public async Task<SaveResult> DeleteAsync(string kind, int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"{Base}/{kind}/{id}", cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public async Task<ConnectionTestResult> TestAsync(string kind, int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"{Base}/{kind}/{id}/test", null, cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.ReadAsync<ConnectionTestResult>(cancellationToken)
            : new ConnectionTestResult([new ConnectionCheckDto(kind, false, await response.ProblemTextAsync(cancellationToken), 0)]);
    }

    private async Task<SaveResult> SaveAsync<T>(string kind, int? id, T form, CancellationToken cancellationToken)
    {
        using var response = id is { } existing
            ? await http.PutAsJsonAsync($"{Base}/{kind}/{existing}", form, cancellationToken)
            : await http.PostAsJsonAsync($"{Base}/{kind}", form, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }
}
