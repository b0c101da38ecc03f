using System.Net.Http;
using Microsoft.Extensions.Logging;
using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Contracts.Runs;
using Portal.Domain.Transfers;

namespace Portal.Domain.Files;

/// <summary>A file that could not be transferred, with the number of tries it took.</summary>
internal sealed class FileTransferException(StatusCode code, string message, int attempts, Exception inner)
    : ExportException(code, message, inner.ToString(), inner)
{
    public int Attempts { get; } = attempts;
}

internal sealed partial class FileExportRun
{
    /// <summary>
    /// Streams one file from Domino into S3. A download that fails, breaks off or stalls (no byte for
    /// <c>Exports:StallTimeout</c>) is tried again from the start (the multipart upload of the failed try is
    /// aborted); a file Domino no longer has is not.
    /// </summary>
    private async Task<(UploadResult Result, int Attempts)> DownloadAsync(DominoProject project, DominoFile file, string key,
        bool countAsTransfer, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var blob = await domino.OpenBlobAsync(project, file, cancellationToken);
                if (blob.Length is { } length && length != file.Size)
                    throw new ExportException(StatusCode.DominoAPIError,
                        $"Domino lists '{file.Path}' with {file.Size} bytes but sends {length}");
                await using var content = new StallGuardStream(blob.Content, options.StallTimeout, $"Domino ('{file.Path}')", time);
                var result = await uploader.UploadAsync(content, file.Size, key, Metadata(file, null), progress.Transferred,
                    cancellationToken);
                if (countAsTransfer)
                {
                    Interlocked.Increment(ref _transferred);
                    Interlocked.Add(ref _bytesTransferred, result.Size);
                }
                return (result, attempt);
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.MaxAttemptsPerFile)
                {
                    LogGaveUp(logger, file.Path, attempt, e.Message);
                    throw new FileTransferException(StatusCode.DominoAPIError,
                        $"Downloading '{file.Path}' from Domino failed {attempt} times; the last error: {e.Message}", attempt, e);
                }
                LogRetry(logger, file.Path, attempt, e.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
            catch (ExportException e) when (e is not FileTransferException)
            {
                throw new FileTransferException(e.Code, e.Message, attempt, e);
            }
        }
    }

    /// <summary>Worth another try: the download broke off, stalled or came short, or Domino kept failing.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        ContentLengthException c => c.Actual < c.Expected,
        IOException or HttpRequestException => true,
        DominoException d => d.Code == StatusCode.DominoAPIError,
        _ => false,
    };

    // A try that a later one makes good is routine; only giving up is worth an operator's attention.
    [LoggerMessage(Level = LogLevel.Information, Message = "Downloading {Path} failed (try {Attempt}), trying again: {Error}")]
    private static partial void LogRetry(ILogger logger, string path, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading {Path} failed {Attempts} times; giving up on it: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string path, int attempts, string error);
}
