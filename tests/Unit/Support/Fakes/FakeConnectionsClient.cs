using Portal.Contracts.Connections;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeConnectionsClient : IConnectionsClient
{
    public ConnectionsOverview Overview { get; set; } = new([], [], [], new DockerEngineDto("unix:///var/run/docker.sock", false), ["STANDARD"]);
    public Dictionary<(string Kind, int Id), ConnectionTestResult> TestResults { get; } = [];
    public List<object> Saved { get; } = [];
    public SaveResult SaveResult { get; set; } = SaveResult.Ok(1);
    public SaveResult DeleteResult { get; set; } = SaveResult.Ok(1);

    public Task<ConnectionsOverview> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Overview);

    public Task<SaveResult> SaveDeploymentAsync(int? id, DominoDeploymentForm form, CancellationToken cancellationToken = default) => Save(form);

    public Task<SaveResult> SaveS3TargetAsync(int? id, S3TargetForm form, CancellationToken cancellationToken = default) => Save(form);

    public Task<SaveResult> SaveRegistryAsync(int? id, RegistryTargetForm form, CancellationToken cancellationToken = default) => Save(form);

    public Task<SaveResult> DeleteAsync(string kind, int id, CancellationToken cancellationToken = default) => Task.FromResult(DeleteResult);

    public Task<ConnectionTestResult> TestAsync(string kind, int id, CancellationToken cancellationToken = default) =>
        Task.FromResult(TestResults.GetValueOrDefault((kind, id)) ?? new ConnectionTestResult([]));

    private Task<SaveResult> Save(object form)
    {
        Saved.Add(form);
        return Task.FromResult(SaveResult);
    }
}
