using System.Text;
using Microsoft.Extensions.Logging;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Contracts.Runs;

namespace Portal.Domain.Files;

/// <summary>What latest holds when a run starts: its manifest (text, ETag, parsed) and its objects by relative path.</summary>
internal sealed record LatestSnapshot(S3Document? Document, SnapshotManifest? Manifest, IReadOnlyDictionary<string, S3Entry> Objects);

internal sealed partial class FileExportRun
{
    private async Task<LatestSnapshot> ReadLatestAsync(CancellationToken cancellationToken)
    {
        // The manifest and the listing are read at once. Either order is as safe: no other run writes latest meanwhile
        // (the claim), and a manifest that does not match the listing object for object is not trusted (TrustAsync).
        var listing = store.ListAsync(_layout.LatestPrefix, cancellationToken);
        S3Document? document;
        try
        {
            document = await store.ReadAsync(_layout.LatestManifest, cancellationToken);
        }
        catch
        {
            await ObserveAsync(listing);
            throw;
        }
        var objects = (await listing).ToDictionary(e => e.Key[_layout.LatestPrefix.Length..], StringComparer.Ordinal);
        return new LatestSnapshot(document, SnapshotManifest.TryParse(document?.Text), objects);
    }

    /// <summary>Every file of the manifest is in latest with the size and ETag it was written with: the same content.</summary>
    private static bool Matches(SnapshotManifest manifest, IReadOnlyDictionary<string, S3Entry> objects) =>
        manifest.Files.All(f => objects.TryGetValue(f.Path, out var o) && o.Size == f.Size && o.ETag == f.ETag);

    /// <summary>
    /// The manifest if latest still is its snapshot, by content: the listing's ETags against the recorded ones, or for a
    /// format 1 manifest (no ETags recorded) each object read back and hashed. Null otherwise: latest is then repaired
    /// in place and not rotated, so prior never receives a snapshot that is not exact.
    /// </summary>
    private async Task<SnapshotManifest?> TrustAsync(LatestSnapshot latest, CancellationToken cancellationToken)
    {
        if (latest.Manifest is not { } manifest) return null;
        if (manifest.HasETags)
        {
            if (Matches(manifest, latest.Objects)) return manifest;
            // An object the manifest vouched for changed since: its metadata says nothing about its bytes any more.
            _changed.UnionWith(manifest.Files.Where(f => latest.Objects.TryGetValue(f.Path, out var o) && o.ETag != f.ETag).Select(f => f.Path));
            LogManifestNotIntact(logger, _layout.LatestUrl);
            return null;
        }
        var verified = new ManifestFile?[manifest.Files.Count];
        await ForEachAsync(Enumerable.Range(0, manifest.Files.Count), async (i, token) =>
        {
            var f = manifest.Files[i];
            if (!latest.Objects.TryGetValue(f.Path, out var o) || o.Size != f.Size) return;
            var stored = await store.HashAsync(_layout.LatestKey(f.Path), token);
            if (stored.Sha256 == f.Sha256) verified[i] = f with { ETag = stored.ETag.Length > 0 ? stored.ETag : o.ETag };
            else lock (_changed) _changed.Add(f.Path);
        }, cancellationToken);
        if (verified.All(v => v is not null))
            return manifest with { Format = SnapshotManifest.CurrentFormat, Files = verified.Select(v => v!).ToList() };
        LogManifestNotIntact(logger, _layout.LatestUrl);
        return null;
    }

    private async Task<bool> SupportsConditionalWritesAsync(CancellationToken cancellationToken)
    {
        var supported = await store.SupportsConditionalWritesAsync(_layout.ProbeKey, cancellationToken);
        if (!supported) LogNoConditionalWrites(logger, request.Target.Endpoint?.ToString() ?? request.Target.Region, request.Target.Bucket);
        return supported;
    }

    /// <summary>
    /// prior := latest, server-side. prior's manifest goes first and comes back last, so a rotation
    /// that dies half-way leaves a prior that says it is incomplete, and latest untouched.
    /// </summary>
    private async Task RotateAsync(DominoProject project, SnapshotManifest manifest, bool conditional, CancellationToken cancellationToken)
    {
        await progress.StageAsync(StatusCode.ProjectFileDeletePriorStarted, cancellationToken);
        await _lease.ConfirmAsync(cancellationToken);
        await store.DeleteAsync([_layout.PriorManifest], cancellationToken);
        await store.DeletePrefixAsync(_layout.PriorPrefix, cancellationToken);
        await progress.StageAsync(StatusCode.ProjectFileDeletePriorEnded, cancellationToken);

        await progress.StageAsync(StatusCode.ProjectFileMoveLatestToPriorStarted, cancellationToken);
        var archive = S3StorageClasses.IsArchive(manifest.StorageClass) || S3StorageClasses.IsArchive(request.Target.StorageClass);
        var copies = new ManifestFile[manifest.Files.Count];
        await ForEachAsync(Enumerable.Range(0, manifest.Files.Count), async (i, token) =>
        {
            var file = manifest.Files[i];
            var etag = archive
                ? (await DownloadAsync(project, new DominoFile(file.Path, file.Key, file.Size), _layout.PriorKey(file.Path), countAsTransfer: false, token))
                    .Result.ETag
                : await store.CopyAsync(_layout.LatestKey(file.Path), _layout.PriorKey(file.Path), file.Size, null, token);
            copies[i] = file with { ETag = etag };
        }, cancellationToken);
        var prior = manifest with { Format = SnapshotManifest.CurrentFormat, Files = copies };
        await _lease.ConfirmAsync(cancellationToken);
        try
        {
            await store.PutAsync(_layout.PriorManifest, Encoding.UTF8.GetBytes(prior.ToJson()), null, "application/json", cancellationToken,
                S3StorageClasses.Standard, conditional ? S3Condition.Absent : null);
        }
        catch (S3PreconditionFailedException e)
        {
            throw new ExportException(StatusCode.S3VerificationFailed,
                "prior.manifest.json was written by someone else while this run rotated latest to prior; another writer is changing this export",
                e.Details, e);
        }
        await progress.StageAsync(StatusCode.ProjectFileMoveLatestToPriorEnded, cancellationToken);
    }

    /// <summary>Latest stops claiming to be complete: its manifest goes, on condition that it is still the one this run read.</summary>
    private async Task DeleteManifestAsync(S3Document document, bool conditional, CancellationToken cancellationToken)
    {
        await _lease.ConfirmAsync(cancellationToken);
        try
        {
            if (conditional && document.ETag.Length > 0) await store.DeleteIfMatchAsync(_layout.LatestManifest, document.ETag, cancellationToken);
            else await store.DeleteAsync([_layout.LatestManifest], cancellationToken);
        }
        catch (S3PreconditionFailedException e)
        {
            throw new ExportException(StatusCode.S3VerificationFailed,
                "latest.manifest.json changed after this run read it; another writer is changing this export, so this run wrote nothing to latest",
                e.Details, e);
        }
    }

    /// <summary>One listing of latest/ checks every stored size and ETag against what this run wrote or kept.</summary>
    private async Task VerifyAsync(IReadOnlyList<ManifestFile> entries, CancellationToken cancellationToken)
    {
        var stored = (await store.ListAsync(_layout.LatestPrefix, cancellationToken))
            .ToDictionary(e => e.Key[_layout.LatestPrefix.Length..], StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!stored.TryGetValue(entry.Path, out var o))
                throw new ExportException(StatusCode.S3VerificationFailed, $"'{entry.Path}' is missing from S3 after it was written");
            if (o.Size != entry.Size)
                throw new ExportException(StatusCode.S3VerificationFailed,
                    $"'{entry.Path}' has {o.Size} bytes in S3 where Domino has {entry.Size}");
            if (!string.IsNullOrEmpty(entry.ETag) && o.ETag.Length > 0 && o.ETag != entry.ETag)
                throw new ExportException(StatusCode.S3VerificationFailed,
                    $"'{entry.Path}' changed in S3 after this run wrote it (ETag {o.ETag} where this run wrote {entry.ETag}); was it written by someone else?");
        }
        if (stored.Count != entries.Count)
            throw new ExportException(StatusCode.S3VerificationFailed,
                $"latest holds {stored.Count} objects where the commit has {entries.Count} files; was it written to by someone else?");
    }

    /// <summary>
    /// Latest becomes complete: its manifest is written on condition that no manifest appeared since this run deleted
    /// it. One that did is this run's own (a retried write whose answer was lost), or another writer's: this run, which
    /// has just confirmed its claim, replaces it if latest still holds exactly what it wrote, or removes it and fails.
    /// </summary>
    private async Task WriteManifestAsync(IReadOnlyList<ManifestFile> entries, string commitId, bool conditional, CancellationToken cancellationToken)
    {
        var written = new SnapshotManifest(SnapshotManifest.CurrentFormat, commitId, request.RunId, time.GetUtcNow(),
            $"{request.OwnerName}/{request.ProjectName}", request.Target.StorageClass, entries.Count, entries.Sum(e => e.Size),
            entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList());
        var bytes = Encoding.UTF8.GetBytes(written.ToJson());
        await _lease.ConfirmAsync(cancellationToken);
        try
        {
            await store.PutAsync(_layout.LatestManifest, bytes, null, "application/json", cancellationToken, S3StorageClasses.Standard,
                conditional ? S3Condition.Absent : null);
            return;
        }
        catch (S3PreconditionFailedException)
        {
            // looked at below
        }
        var found = await store.ReadAsync(_layout.LatestManifest, cancellationToken);
        if (SnapshotManifest.TryParse(found?.Text) is { } mine && mine.RunId == request.RunId && mine.CommitId == commitId) return;
        LogForeignManifest(logger, _layout.LatestUrl, SnapshotManifest.TryParse(found?.Text)?.RunId ?? "(unreadable)");
        try
        {
            await VerifyAsync(entries, cancellationToken);
        }
        catch (ExportException) when (found is not null)
        {
            await store.DeleteIfMatchAsync(_layout.LatestManifest, found.ETag, cancellationToken);
            throw;
        }
        await _lease.ConfirmAsync(cancellationToken);
        await store.PutAsync(_layout.LatestManifest, bytes, null, "application/json", cancellationToken, S3StorageClasses.Standard,
            found is null ? S3Condition.Absent : S3Condition.Matches(found.ETag));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The manifest of {Latest} does not match the objects there (a size or ETag differs, or an object is missing); latest is repaired without rotating it")]
    private static partial void LogManifestNotIntact(ILogger logger, string latest);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The S3 store {Store} (bucket {Bucket}) ignores conditional writes: manifests rest on the run's lease and claim checks alone")]
    private static partial void LogNoConditionalWrites(ILogger logger, string store, string bucket);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A manifest written by run {Other} appeared in {Latest} while this run held the export; replacing it if latest holds exactly this run's objects")]
    private static partial void LogForeignManifest(ILogger logger, string latest, string other);
}
