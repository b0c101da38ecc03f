namespace Portal.Contracts.Connections;

/// <summary>A stored connection as the admin page shows it: Has… says whether a secret is stored, never what it is.</summary>
public sealed record S3TargetDto(int Id, string Name, string Bucket, string? Prefix, string Region, string? EndpointUrl,
    string? AccessKeyId, bool HasSecretAccessKey, string StorageClass);
