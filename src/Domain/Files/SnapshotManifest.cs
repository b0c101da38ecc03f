using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Domain.Files;

/// <summary>One file of a snapshot. <see cref="Key"/> is Domino's content-addressed blob id.</summary>
public sealed record ManifestFile(string Path, long Size, string Sha256, string Key);

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
    public const string CurrentFormat = "domino-export-manifest/1";

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJson.Default.SnapshotManifest);

    /// <summary>The manifest, or null when the text is not a complete manifest of this format.</summary>
    public static SnapshotManifest? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var m = JsonSerializer.Deserialize(json, ManifestJson.Default.SnapshotManifest);
            if (m is null || m.Format != CurrentFormat || string.IsNullOrEmpty(m.CommitId) || m.Files is null
                || m.Files.Count != m.FileCount
                || m.Files.Any(f => f is null || string.IsNullOrEmpty(f.Path) || string.IsNullOrEmpty(f.Key) || f.Sha256 is not { Length: 64 }))
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
