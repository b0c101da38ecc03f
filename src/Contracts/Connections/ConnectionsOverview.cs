namespace Portal.Contracts.Connections;

public sealed record ConnectionsOverview(
    IReadOnlyList<DominoDeploymentDto> Deployments,
    IReadOnlyList<S3TargetDto> S3Targets,
    IReadOnlyList<RegistryTargetDto> Registries,
    DockerEngineDto Docker,
    IReadOnlyList<string> StorageClasses);
