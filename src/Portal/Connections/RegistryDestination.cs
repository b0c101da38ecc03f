namespace Portal.Connections;

/// <summary>A registry target: where environment images are pushed.</summary>
public sealed class RegistryDestination
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>host[:port], optionally with a namespace path ("registry.example.com/team").</summary>
    public required string Host { get; set; }
    public string? UserName { get; set; }

    /// <summary>Protected with <see cref="Security.ISecretProtector"/>.</summary>
    public string? Password { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
