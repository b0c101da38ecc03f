namespace Portal.Contracts.Connections;

/// <summary>A stored connection as the admin page shows it: Has… says whether a secret is stored, never what it is.</summary>
public sealed record DominoDeploymentDto(int Id, string Name, string ApiUrl, bool VerifyTls, string? RegistryHost,
    string? RegistryUserName, bool HasRegistryPassword);
