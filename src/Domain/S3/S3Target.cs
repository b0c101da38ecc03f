namespace Portal.Domain.S3;

/// <summary>An access key pair. <see cref="ToString"/> never shows the secret.</summary>
public sealed record S3Credentials(string AccessKey, string SecretKey)
{
    public override string ToString() => $"S3Credentials {{ AccessKey = {AccessKey}, SecretKey = *** }}";
}

/// <summary>
/// Where an export writes: a bucket, an optional key prefix, the region, and for S3-compatible
/// stores an endpoint URL (addressed path-style). Null <see cref="Credentials"/> means the default
/// AWS credential chain (environment, profile, instance role).
/// </summary>
public sealed record S3Target(
    string Bucket,
    string? Prefix = null,
    string Region = "us-east-1",
    Uri? Endpoint = null,
    S3Credentials? Credentials = null,
    string StorageClass = S3StorageClasses.Standard)
{
    /// <summary>The prefix without leading or trailing slashes ("" for none), as the original wrote keys.</summary>
    public string NormalizedPrefix => (Prefix ?? "").Trim('/');

    /// <summary>A key under the prefix.</summary>
    public string Key(string relative) => NormalizedPrefix.Length == 0 ? relative : $"{NormalizedPrefix}/{relative}";

    /// <summary>The s3:// URL of a key (the form the original recorded).</summary>
    public string Url(string key) => $"s3://{Bucket}/{key}";
}

public static class S3StorageClasses
{
    public const string Standard = "STANDARD";

    /// <summary>The classes S3 accepts on PutObject (GLACIER is Flexible Retrieval).</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
        "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR", "OUTPOSTS", "EXPRESS_ONEZONE",
    };

    /// <summary>
    /// Objects in these classes cannot be read or copied server-side without a restore, so an export
    /// into them re-reads unchanged content from Domino instead of copying it.
    /// </summary>
    public static bool IsArchive(string storageClass) => storageClass is "GLACIER" or "DEEP_ARCHIVE";
}
