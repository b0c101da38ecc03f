namespace Portal.Connections;

/// <summary>A Domino deployment ("Domino connection"): its API, TLS switch and the registry its images live in.</summary>
public sealed class DominoDeployment
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ApiUrl { get; set; }
    public bool VerifyTls { get; set; } = true;

    /// <summary>host[:port] of Domino's registry; null: taken from each image's name.</summary>
    public string? RegistryHost { get; set; }
    public string? RegistryUserName { get; set; }

    /// <summary>Protected with <see cref="Security.ISecretProtector"/>; never sent to a browser.</summary>
    public string? RegistryPassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
