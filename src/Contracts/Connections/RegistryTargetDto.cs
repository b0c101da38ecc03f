namespace Portal.Contracts.Connections;

/// <summary>A stored connection as the admin page shows it: Has… says whether a secret is stored, never what it is.</summary>
public sealed record RegistryTargetDto(int Id, string Name, string Host, string? UserName, bool HasPassword);
