using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Domain.Files;

/// <summary>
/// One file of a snapshot. <see cref="Key"/> is Domino's content-addressed blob id; <see cref="ETag"/> the ETag S3
/// gave the object when this run wrote (or verified) it, null in format 1 manifests, which did not record it.
/// </summary>
public sealed record ManifestFile(string Path, long Size, string Sha256, string Key, [property: JsonPropertyName("etag")] string? ETag = null);

/// <summary>
/// Written last by a run that completed, deleted first by the next run before it changes anything: a
/// snapshot with a manifest is complete, one without is being written or was left half-way.
/// </summary>
public sealed record SnapshotManifest(
    string Format,
    string CommitId,
    string RunId,
    DateTimeOffset ExportedAt,
    string Project,
    string StorageClass,
    int FileCount,
    long TotalBytes,
    IReadOnlyList<ManifestFile> Files)
{
    /// <summary>Format 2 adds each object's ETag, so a snapshot is checked by content, not by size.</summary>
    public const string CurrentFormat = "domino-export-manifest/2";

    /// <summary>Written before ETags were recorded: read, but its objects are re-hashed before they are trusted.</summary>
    public const string Format1 = "domino-export-manifest/1";

    /// <summary>True when every file carries the ETag it was written with.</summary>
    public bool HasETags => Files.All(f => !string.IsNullOrEmpty(f.ETag));

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJson.Default.SnapshotManifest);

    /// <summary>The manifest, or null when the text is not a complete manifest of a known format.</summary>
    public static SnapshotManifest? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var m = JsonSerializer.Deserialize(json, ManifestJson.Default.SnapshotManifest);
            if (m is null || m.Format is not (CurrentFormat or Format1) || string.IsNullOrEmpty(m.CommitId) || m.Files is null
                || m.Files.Count != m.FileCount
                || m.Files.Any(f => f is null || string.IsNullOrEmpty(f.Path) || string.IsNullOrEmpty(f.Key) || f.Sha256 is not { Length: 64 })
                || (m.Format == CurrentFormat && !m.HasETags))
                return null;
            return m;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(SnapshotManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
