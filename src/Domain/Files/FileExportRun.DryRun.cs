using System.Globalization;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

internal sealed partial class FileExportRun
{
    /// <summary>
    /// A dry run's end: the run's own plan, each file recorded with the outcome the real run would record (Transferred,
    /// Unchanged, Deleted; excluded files were recorded by the filter), and nothing written. A probe reads an object's
    /// metadata as the real run would; the counts and <see cref="IExportProgress.Totals"/> say what would move.
    /// </summary>
    private async Task<(StatusCode Status, string Message)> DryRunAsync(string commitId, FilePlan plan, IReadOnlyDictionary<string, S3Entry> latest,
        bool rotates, CancellationToken cancellationToken)
    {
        await ForEachAsync(plan.Steps, async (step, token) =>
        {
            var f = step.File;
            var sha256 = step.Kind switch
            {
                FileStepKind.Keep or FileStepKind.Copy => step.Sha256,
                FileStepKind.Probe => await ProbeAsync(f, _layout.LatestKey(f.Path), token),
                _ => null,
            };
            if (sha256 is null)
            {
                Interlocked.Increment(ref _transferred);
                Interlocked.Add(ref _bytesTransferred, f.Size);
            }
            else
            {
                Interlocked.Increment(ref _unchanged);
            }
            await progress.FileAsync(new FileRecord(f.Path, f.Size, sha256, sha256 is null ? FileOutcome.Transferred : FileOutcome.Unchanged, 0),
                token);
        }, cancellationToken);
        foreach (var path in plan.DeletedPaths)
        {
            _deleted++;
            await progress.FileAsync(new FileRecord(path, latest[path].Size, null, FileOutcome.Deleted, 0), cancellationToken);
        }
        progress.Totals(Files!.Count, _bytesTransferred);
        var rotation = rotates ? "; latest would first be copied to prior" : "";
        return (StatusCode.Completed, string.Create(CultureInfo.InvariantCulture,
            $"Dry run of commit {commitId}: {Files.Count} files, {_transferred} would be transferred ({_bytesTransferred:N0} bytes), {_unchanged} kept, {_deleted} deleted, {_excluded} excluded{rotation}. Nothing was written"));
    }
}
