using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Connections;

/// <summary>Secrets are write-only: a field left empty keeps the stored secret; the Clear… switch removes it.</summary>
public sealed class S3TargetForm
{
    [Required(ErrorMessage = "Enter a name, e.g. Backups."), StringLength(100, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Name")] public string Name { get; set; } = "";
    [Required(ErrorMessage = "Enter the bucket, e.g. domino-exports."), StringLength(63, MinimumLength = 3, ErrorMessage = InputRules.LengthBetween), S3BucketName, Display(Name = "Bucket")] public string Bucket { get; set; } = "";
    [StringLength(500, ErrorMessage = InputRules.TooLong), SingleLine, NoClimbing, Display(Name = "Prefix")] public string? Prefix { get; set; }
    [Required(ErrorMessage = "Enter the region, e.g. us-east-1."), StringLength(50, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Region")] public string Region { get; set; } = "us-east-1";
    [Url(ErrorMessage = InputRules.WebAddress), StringLength(500, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Endpoint URL")] public string? EndpointUrl { get; set; }
    [StringLength(128, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Access key id")] public string? AccessKeyId { get; set; }
    [StringLength(InputRules.MaxSecretLength, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Secret access key")] public string? SecretAccessKey { get; set; }
    public bool ClearSecretAccessKey { get; set; }
    [Required(ErrorMessage = "Enter a storage class, e.g. STANDARD."), StringLength(32, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Storage class")] public string StorageClass { get; set; } = "STANDARD";
}
