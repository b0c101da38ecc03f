using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Shared;

[AttributeUsage(AttributeTargets.Property)]
public sealed class S3BucketNameAttribute() : ValidationAttribute(
    "A bucket name has 3-63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit, no '..', not an IP address.")
{
    public override bool IsValid(object? value) => value is not string s || s.Length == 0 || InputRules.IsS3BucketName(s);
}
