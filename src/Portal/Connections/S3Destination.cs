namespace Portal.Connections;

/// <summary>An S3 target: a bucket (and optional prefix) files are exported to.</summary>
public sealed class S3Destination
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Bucket { get; set; }
    public string? Prefix { get; set; }
    public string Region { get; set; } = "us-east-1";

    /// <summary>For S3-compatible stores (path-style addressing); null for AWS.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Null with <see cref="SecretAccessKey"/>: the default AWS credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Protected with <see cref="Security.ISecretProtector"/>.</summary>
    public string? SecretAccessKey { get; set; }

    public string StorageClass { get; set; } = "STANDARD";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
