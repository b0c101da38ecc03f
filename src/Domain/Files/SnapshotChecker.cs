using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

/// <summary>
/// Verify: reads a snapshot back from S3 and compares every object with its manifest, by size and by the SHA-256 of
/// the bytes read (not the ETag, which a multipart upload or another writer makes useless for that). It writes nothing.
/// Never throws for an expected failure: the result carries the status code and a message.
/// </summary>
public sealed partial class SnapshotChecker(IS3ClientFactory s3Clients, IOptions<FileExportOptions> options,
    ILogger<SnapshotChecker> logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly FileExportOptions _options = options.Value;

    public async Task<SnapshotCheckResult> CheckAsync(SnapshotCheckRequest request, IExportProgress progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var layout = request.Layout;
        var (prefix, manifestKey, url) = request.Prior
            ? (layout.PriorPrefix, layout.PriorManifest, layout.PriorUrl)
            : (layout.LatestPrefix, layout.LatestManifest, layout.LatestUrl);
        SnapshotCheckResult Result(StatusCode status, string message, string? commit = null, int files = 0, long bytes = 0,
            IReadOnlyList<SnapshotDifference>? differences = null) =>
            new(status, message, commit, files, bytes, differences ?? [], _time.GetElapsedTime(started), url);
        try
        {
            using var s3 = s3Clients.Create(request.Target, new S3RequestPolicy(_options.S3RequestTimeout, _options.StallTimeout, RunLeases.Unfenced));
            var store = new S3Store(s3, request.Target, new S3Retry(_options.MaxAttemptsPerFile, _options.RetryDelay), _time)
            {
                ReadStallTimeout = _options.StallTimeout,
            };
            var document = await store.ReadAsync(manifestKey, cancellationToken);
            if (SnapshotManifest.TryParse(document?.Text) is not { } manifest)
                return Result(StatusCode.S3VerificationFailed, document is null
                    ? $"{url} has no manifest: the snapshot is incomplete (a run is writing it, or one failed) or was never written"
                    : $"The manifest of {url} is not a readable snapshot manifest");
            var stored = (await store.ListAsync(prefix, cancellationToken)).ToDictionary(e => e.Key[prefix.Length..], StringComparer.Ordinal);
            progress.Totals(manifest.Files.Count, manifest.Files.Sum(f => stored.ContainsKey(f.Path) ? f.Size : 0));
            var differences = new ConcurrentQueue<SnapshotDifference>();
            long bytesRead = 0;
            await Parallel.ForEachAsync(manifest.Files,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelTransfers, CancellationToken = cancellationToken },
                async (f, token) =>
                {
                    var difference = await CompareAsync(store, prefix, f, stored, token);
                    if (stored.TryGetValue(f.Path, out var o) && o.Size == f.Size) Interlocked.Add(ref bytesRead, f.Size); // read back
                    if (difference is not null) differences.Enqueue(difference);
                    progress.Transferred(f.Size);
                    await progress.FileAsync(difference is null
                        ? new FileRecord(f.Path, f.Size, f.Sha256, FileOutcome.Verified, 1)
                        : new FileRecord(f.Path, f.Size, difference.StoredSha256, Outcome(difference.Finding), 1, difference.Describe()), token);
                });
            var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var (path, o) in stored.Where(s => !listed.Contains(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var extra = new SnapshotDifference(path, SnapshotFinding.Extra, null, o.Size, null, null);
                differences.Enqueue(extra);
                await progress.FileAsync(new FileRecord(path, o.Size, null, FileOutcome.Extra, 0, extra.Describe()), cancellationToken);
            }
            var found = differences.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
            var summary = $"{manifest.Files.Count} files of commit {manifest.CommitId} checked in {url}";
            LogChecked(logger, url, manifest.Files.Count, found.Count);
            return found.Count == 0
                ? Result(StatusCode.Completed, $"{summary}: every object matches the manifest (size and SHA-256)", manifest.CommitId,
                    manifest.Files.Count, bytesRead)
                : Result(StatusCode.S3VerificationFailed, $"{summary}: {Count(found, SnapshotFinding.Missing)} missing, "
                    + $"{Count(found, SnapshotFinding.Changed)} changed, {Count(found, SnapshotFinding.Extra)} extra", manifest.CommitId,
                    manifest.Files.Count, bytesRead, found);
        }
        catch (ExportException e)
        {
            return Result(e.Code, e.Message);
        }
    }

    /// <summary>Null when the object is there with the manifest's size and SHA-256 (read back and hashed).</summary>
    private static async Task<SnapshotDifference?> CompareAsync(S3Store store, string prefix, ManifestFile f,
        Dictionary<string, S3Entry> stored, CancellationToken cancellationToken)
    {
        if (!stored.TryGetValue(f.Path, out var o)) return new SnapshotDifference(f.Path, SnapshotFinding.Missing, f.Size, null, f.Sha256, null);
        if (o.Size != f.Size) return new SnapshotDifference(f.Path, SnapshotFinding.Changed, f.Size, o.Size, f.Sha256, null);
        var read = await store.HashAsync(prefix + f.Path, cancellationToken);
        return read.Size == f.Size && read.Sha256 == f.Sha256
            ? null
            : new SnapshotDifference(f.Path, SnapshotFinding.Changed, f.Size, read.Size, f.Sha256, read.Sha256);
    }

    private static FileOutcome Outcome(SnapshotFinding finding) =>
        finding == SnapshotFinding.Missing ? FileOutcome.Missing : FileOutcome.Changed;

    private static int Count(List<SnapshotDifference> found, SnapshotFinding finding) => found.Count(d => d.Finding == finding);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verified {Snapshot}: {Files} files checked, {Differences} differences")]
    private static partial void LogChecked(ILogger logger, string snapshot, int files, int differences);
}
