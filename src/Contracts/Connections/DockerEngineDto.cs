namespace Portal.Contracts.Connections;

/// <summary>The Docker engine is set per node (<c>Docker:Endpoint</c>); the page shows it and tests it.</summary>
public sealed record DockerEngineDto(string Endpoint, bool UsesTls);
