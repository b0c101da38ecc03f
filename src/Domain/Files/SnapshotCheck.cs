using Portal.Contracts.Runs;
using Portal.Domain.Runs;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

/// <summary>What is wrong with one object of a snapshot, compared with its manifest.</summary>
public enum SnapshotFinding
{
    /// <summary>Listed in the manifest, absent from S3.</summary>
    Missing,
    /// <summary>In S3 with another size or SHA-256 than the manifest records.</summary>
    Changed,
    /// <summary>In S3 under the snapshot, not in the manifest.</summary>
    Extra,
}

/// <summary>One object that does not match; sizes and hashes are null where there is nothing to compare.</summary>
public sealed record SnapshotDifference(string Path, SnapshotFinding Finding, long? ManifestSize, long? StoredSize,
    string? ManifestSha256, string? StoredSha256)
{
    public string Describe() => Finding switch
    {
        SnapshotFinding.Missing => $"missing from S3 ({ManifestSize} bytes in the manifest)",
        SnapshotFinding.Extra => $"in S3 ({StoredSize} bytes) but not in the manifest",
        _ when ManifestSize != StoredSize => $"changed: {StoredSize} bytes in S3 where the manifest has {ManifestSize}",
        _ => $"changed: SHA-256 {StoredSha256} in S3 where the manifest has {ManifestSha256}",
    };
}

/// <summary>A snapshot to check: an export's latest (default) or prior, in its S3 target.</summary>
public sealed record SnapshotCheckRequest(S3Target Target, string ExportGroupName, string ExportProjectName, bool Prior = false)
{
    public ExportLayout Layout => new(Target, ExportGroupName, ExportProjectName);
}

/// <summary>
/// How a check ended: Completed when every object matches its manifest, 143 when any is missing, changed or extra (each
/// listed), or the code of what stopped it. <see cref="BytesRead"/> is what was read back from S3 to hash.
/// </summary>
public sealed record SnapshotCheckResult(StatusCode Status, string Message, string? CommitId, int FilesChecked, long BytesRead,
    IReadOnlyList<SnapshotDifference> Differences, TimeSpan Duration, string? Location);
