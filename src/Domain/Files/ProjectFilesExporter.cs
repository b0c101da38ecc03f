using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Domain.Transfers;

namespace Portal.Domain.Files;

/// <summary>
/// Exports a Domino project's head commit to S3 (see docs/decisions/003-file-export-snapshots.md).
/// Never throws for an expected failure: the result carries the status code and a message.
/// </summary>
public sealed partial class ProjectFilesExporter(
    IDominoClientFactory dominoClients,
    IS3ClientFactory s3Clients,
    IOptions<FileExportOptions> options,
    ILogger<ProjectFilesExporter> logger,
    TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly FileExportOptions _options = options.Value;
    // One budget of part buffers for every run of this process: the memory bound of large uploads.
    private readonly PartBuffers _buffers = new(options.Value.PartSize, options.Value.MaxBufferedParts);
    // One bandwidth for every run of this process (Exports:BandwidthLimit); each run adds its export's own.
    private readonly Bandwidth? _nodeBandwidth = Bandwidth.Of(options.Value.BandwidthBytesPerSecond);

    public async Task<FileExportResult> ExportAsync(FileExportRequest request, IExportProgress progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        if (Validate(request) is { } invalid)
            return Failed(request, null, invalid, started);

        FileExportRun? run = null;
        try
        {
            using var s3 = s3Clients.Create(request.Target, new S3RequestPolicy(_options.S3RequestTimeout, _options.StallTimeout, request.Fence));
            var store = new S3Store(s3, request.Target, new S3Retry(_options.MaxAttemptsPerFile, _options.RetryDelay), _time)
            {
                ReadStallTimeout = _options.StallTimeout,
            };
            try
            {
                using var exportBandwidth = Bandwidth.Of(request.BandwidthLimit);
                var uploader = new StreamingUploader(store, _buffers, _options.MaxPartsInFlightPerFile,
                    new[] { exportBandwidth, _nodeBandwidth }.OfType<Bandwidth>().ToList());
                var domino = dominoClients.Create(request.Domino, request.ApiKey);
                run = new FileExportRun(request, domino, store, uploader, _options, progress, logger, _time);
                var (status, message) = await run.RunAsync(cancellationToken);
                var layout = request.Layout;
                // A dry run leaves the state as it found it: the next real run must still do what the dry run reported.
                var state = status == StatusCode.Completed && !request.DryRun
                    ? new FileExportState(run.CommitId, run.Fingerprint)
                    : request.Previous ?? FileExportState.None;
                LogFinished(logger, request.OwnerName, request.ProjectName, (int)status, message);
                return new FileExportResult
                {
                    Status = status, Message = message, CommitId = run.CommitId, Counts = run.Counts, Duration = _time.GetElapsedTime(started),
                    RotationDuration = run.RotationDuration, TransferDuration = run.TransferDuration,
                    LatestLocation = request.DryRun ? null : layout.LatestUrl, PriorLocation = request.DryRun ? null : layout.PriorUrl, NewState = state,
                };
            }
            finally
            {
                // A failed or cancelled run takes its unfinished multipart uploads with it (its parts cost storage).
                if (store.OpenUploads > 0 && await store.AbortOpenUploadsAsync() is > 0 and var left)
                    LogUploadsLeft(logger, left, request.Layout.BaseUrl);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failed(request, run, new ExportException(StatusCode.ExecutionCancelled, run?.TouchedLatest == true
                ? "The run was cancelled; the latest snapshot is marked incomplete (no manifest) and the next run repairs it"
                : "The run was cancelled before it changed anything in S3"), started);
        }
        catch (ExportException e)
        {
            return Failed(request, run, e, started);
        }
        catch (Exception e)
        {
            LogUnexpected(logger, e, request.OwnerName, request.ProjectName);
            return Failed(request, run, new ExportException(StatusCode.UnknownError,
                $"An unexpected error has occurred: {e.GetType().Name}", e.ToString(), e), started);
        }
    }

    public void Dispose() => _nodeBandwidth?.Dispose();

    private static ExportException? Validate(FileExportRequest request)
    {
        if (!ExportNames.TryNormalize(request.ExportGroupName, out var group, out _) || group != request.ExportGroupName)
            return new ExportException(StatusCode.APIInvalidExportGroupName, ExportNames.InvalidGroupNameMessage);
        if (!ExportNames.TryNormalize(request.ExportProjectName, out var project, out _) || project != request.ExportProjectName)
            return new ExportException(StatusCode.APIInvalidExportProjectName, ExportNames.InvalidProjectNameMessage);
        if (string.IsNullOrWhiteSpace(request.ApiKey))
            return new ExportException(StatusCode.APIUnauthorized, "No Domino API key is stored for this export");
        if (string.IsNullOrWhiteSpace(request.Target.Bucket))
            return new ExportException(StatusCode.S3BucketNotFound, "No S3 bucket is configured for this export");
        if (!S3StorageClasses.Known.Contains(request.Target.StorageClass))
            return new ExportException(StatusCode.S3Error,
                $"'{request.Target.StorageClass}' is not an S3 storage class (use one of {string.Join(", ", S3StorageClasses.Known)})");
        return null;
    }

    private FileExportResult Failed(FileExportRequest request, FileExportRun? run, ExportException error, long started)
    {
        LogFailed(logger, request.OwnerName, request.ProjectName, (int)error.Code, error.Message);
        // Once latest lost its manifest, the next run must export even if the commit did not change.
        var state = run?.TouchedLatest == true
            ? new FileExportState(null, run.Fingerprint)
            : request.Previous ?? FileExportState.None;
        var cause = error is FileTransferException { InnerException: { } inner } ? inner : error;
        var details = error.Code == StatusCode.UnknownError ? error.Details : cause.ToString();
        var type = error.Code == StatusCode.UnknownError ? error.InnerException?.GetType().Name : cause.GetType().Name;
        return new FileExportResult
        {
            Status = error.Code, Message = error.Message, CommitId = run?.CommitId, Counts = run?.Counts ?? new FileExportCounts(),
            Duration = _time.GetElapsedTime(started), RotationDuration = run?.RotationDuration ?? TimeSpan.Zero,
            TransferDuration = run?.TransferDuration ?? TimeSpan.Zero, ExceptionType = type, ExceptionDetails = details, NewState = state,
            FailedFiles = run?.FailedFiles ?? [],
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "File export of {Owner}/{Project} ended with {Status}: {Message}")]
    private static partial void LogFinished(ILogger logger, string owner, string project, int status, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File export of {Owner}/{Project} failed with {Status}: {Message}")]
    private static partial void LogFailed(ILogger logger, string owner, string project, int status, string message);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} multipart uploads of this run under {Base} could not be aborted; the next run (or the bucket's lifecycle rule) removes them")]
    private static partial void LogUploadsLeft(ILogger logger, int count, string @base);

    [LoggerMessage(Level = LogLevel.Error, Message = "File export of {Owner}/{Project} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string owner, string project);
}
