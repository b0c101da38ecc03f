using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class S3TargetForm
{
    [Required, StringLength(100)] public string Name { get; set; } = "";
    [Required, StringLength(63, MinimumLength = 3)] public string Bucket { get; set; } = "";
    [StringLength(500)] public string? Prefix { get; set; }
    [Required, StringLength(50)] public string Region { get; set; } = "us-east-1";
    [Url, StringLength(500)] public string? EndpointUrl { get; set; }
    [StringLength(128)] public string? AccessKeyId { get; set; }
    public string? SecretAccessKey { get; set; }
    public bool ClearSecretAccessKey { get; set; }
    [Required] public string StorageClass { get; set; } = "STANDARD";
}
