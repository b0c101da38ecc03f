using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
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
