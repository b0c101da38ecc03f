using System.Security.Cryptography;
using System.Text;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

/// <summary>
/// What a run leaves for the next one: the commit it exported and a fingerprint of the settings that
/// shape the output. A null commit means "export next time" (nothing exported yet, or a failed run
/// left the latest snapshot incomplete).
/// </summary>
public sealed record FileExportState(string? LastCommitId, string? Fingerprint)
{
    public static readonly FileExportState None = new(null, null);

    /// <summary>A hash of bucket, endpoint, prefix, export names and storage class: change any and the next run re-exports.</summary>
    public static string FingerprintOf(S3Target target, string exportGroupName, string exportProjectName, FileFilter? filter = null)
    {
        var text = string.Join('\n', target.Endpoint?.ToString() ?? "", target.Bucket, target.NormalizedPrefix,
            exportGroupName, exportProjectName, target.StorageClass);
        // Filters joined the fingerprint later: without any, it stays what it was, so existing exports are not exported again.
        if (filter is { IsEmpty: false }) text += "\n" + filter.Canonical;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
