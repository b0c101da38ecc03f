using Portal.Domain.Domino;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

public enum FileStepKind
{
    /// <summary>Already in latest with the same content: nothing to do.</summary>
    Keep,
    /// <summary>The same content exists in S3 under another key (or another storage class): copy server-side.</summary>
    Copy,
    /// <summary>No manifest to trust, but an object of the right size is there: check its metadata before keeping it.</summary>
    Probe,
    /// <summary>Download from Domino and upload.</summary>
    Download,
}

/// <summary>One file's step; <see cref="ETag"/> is the kept object's recorded ETag (Keep only).</summary>
public sealed record FileStep(DominoFile File, FileStepKind Kind, string? SourceKey = null, string? Sha256 = null, string? ETag = null);

/// <summary>What a run does to turn the latest snapshot in S3 into the head commit's files.</summary>
public sealed record FilePlan(IReadOnlyList<FileStep> Steps, IReadOnlyList<string> DeletedPaths)
{
    /// <summary>
    /// Decides each file's step. Domino's blob key is content-addressed, so the same path and key as
    /// the manifest means the same bytes. Copy sources are only objects this run does not write:
    /// the prior snapshot after a rotation, or a kept file in latest.
    /// </summary>
    /// <param name="manifest">The latest snapshot's manifest, already checked by content against latest; null if none is valid.</param>
    /// <param name="rotated">True when prior now holds exactly the manifest's snapshot.</param>
    /// <param name="latest">The objects under latest/, by path relative to it, with their sizes.</param>
    public static FilePlan Create(IReadOnlyList<DominoFile> files, SnapshotManifest? manifest, bool rotated,
        IReadOnlyDictionary<string, long> latest, ExportLayout layout)
    {
        var storageClass = layout.Target.StorageClass;
        var steps = new List<FileStep>(files.Count);
        if (manifest is null)
        {
            foreach (var f in files)
                steps.Add(latest.TryGetValue(f.Path, out var size) && size == f.Size
                    ? new FileStep(f, FileStepKind.Probe)
                    : new FileStep(f, FileStepKind.Download));
        }
        else
        {
            var byPath = manifest.Files.ToDictionary(m => m.Path, StringComparer.Ordinal);
            // Archived objects (GLACIER, DEEP_ARCHIVE) cannot be copied without a restore.
            var canCopy = !S3StorageClasses.IsArchive(manifest.StorageClass) && !S3StorageClasses.IsArchive(storageClass);
            var sameClass = manifest.StorageClass == storageClass;
            var kept = new Dictionary<string, ManifestFile>(StringComparer.Ordinal); // blob key -> a kept file
            foreach (var f in files)
                if (byPath.TryGetValue(f.Path, out var m) && m.Key == f.Key && m.Size == f.Size && sameClass)
                    kept.TryAdd(f.Key, m);
            var sources = rotated
                ? manifest.Files.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => (Entry: g.First(), Key: layout.PriorKey(g.First().Path)))
                : kept.ToDictionary(k => k.Key, k => (Entry: k.Value, Key: layout.LatestKey(k.Value.Path)));

            foreach (var f in files)
            {
                if (byPath.TryGetValue(f.Path, out var m) && m.Key == f.Key && m.Size == f.Size)
                {
                    if (sameClass) steps.Add(new FileStep(f, FileStepKind.Keep, Sha256: m.Sha256, ETag: m.ETag));
                    // A storage class change rewrites the object in place, server-side.
                    else if (canCopy) steps.Add(new FileStep(f, FileStepKind.Copy, layout.LatestKey(f.Path), m.Sha256));
                    else steps.Add(new FileStep(f, FileStepKind.Download));
                }
                else if (canCopy && sources.TryGetValue(f.Key, out var source) && source.Entry.Size == f.Size)
                    steps.Add(new FileStep(f, FileStepKind.Copy, source.Key, source.Entry.Sha256));
                else
                    steps.Add(new FileStep(f, FileStepKind.Download));
            }
        }

        var wanted = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var deleted = latest.Keys.Where(p => !wanted.Contains(p)).Order(StringComparer.Ordinal).ToList();
        return new FilePlan(steps, deleted);
    }
}
