using Portal.Client.Shared;
using System.ComponentModel.DataAnnotations;

namespace Portal.Client.Connections;

// Secrets are write-only: the server says whether one is stored (Has…), never what it is. A form
// field left empty keeps the stored secret; the Clear… switch removes it.

public sealed record DominoDeploymentDto(int Id, string Name, string ApiUrl, bool VerifyTls, string? RegistryHost,
    string? RegistryUserName, bool HasRegistryPassword);

public sealed class DominoDeploymentForm
{
    [Required, StringLength(100), SingleLine] public string Name { get; set; } = "";
    [Required, Url, StringLength(500), SingleLine] public string ApiUrl { get; set; } = "";
    public bool VerifyTls { get; set; } = true;
    [StringLength(255), HostPort] public string? RegistryHost { get; set; }
    [StringLength(255), SingleLine] public string? RegistryUserName { get; set; }
    [StringLength(InputRules.MaxSecretLength), SingleLine] public string? RegistryPassword { get; set; }
    public bool ClearRegistryPassword { get; set; }
}

public sealed record S3TargetDto(int Id, string Name, string Bucket, string? Prefix, string Region, string? EndpointUrl,
    string? AccessKeyId, bool HasSecretAccessKey, string StorageClass);

public sealed class S3TargetForm
{
    [Required, StringLength(100), SingleLine] public string Name { get; set; } = "";
    [Required, StringLength(63, MinimumLength = 3), S3BucketName] public string Bucket { get; set; } = "";
    [StringLength(500), SingleLine, NoClimbing] public string? Prefix { get; set; }
    [Required, StringLength(50), SingleLine] public string Region { get; set; } = "us-east-1";
    [Url, StringLength(500), SingleLine] public string? EndpointUrl { get; set; }
    [StringLength(128), SingleLine] public string? AccessKeyId { get; set; }
    [StringLength(InputRules.MaxSecretLength), SingleLine] public string? SecretAccessKey { get; set; }
    public bool ClearSecretAccessKey { get; set; }
    [Required, StringLength(32), SingleLine] public string StorageClass { get; set; } = "STANDARD";
}

public sealed record RegistryTargetDto(int Id, string Name, string Host, string? UserName, bool HasPassword);

public sealed class RegistryTargetForm
{
    [Required, StringLength(100), SingleLine] public string Name { get; set; } = "";
    [Required, StringLength(255), HostPort] public string Host { get; set; } = "";
    [StringLength(255), SingleLine] public string? UserName { get; set; }
    [StringLength(InputRules.MaxSecretLength), SingleLine] public string? Password { get; set; }
    public bool ClearPassword { get; set; }
}

/// <summary>The Docker engine is set per node (<c>Docker:Endpoint</c>); the page shows it and tests it.</summary>
public sealed record DockerEngineDto(string Endpoint, bool UsesTls);

public sealed record ConnectionCheckDto(string Name, bool Healthy, string Message, double DurationMs);

public sealed record ConnectionTestResult(IReadOnlyList<ConnectionCheckDto> Checks)
{
    public bool Healthy => Checks.Count > 0 && Checks.All(c => c.Healthy);
}

public sealed record ConnectionsOverview(
    IReadOnlyList<DominoDeploymentDto> Deployments,
    IReadOnlyList<S3TargetDto> S3Targets,
    IReadOnlyList<RegistryTargetDto> Registries,
    DockerEngineDto Docker,
    IReadOnlyList<string> StorageClasses);
