using Hangfire;
using Portal.Client.Exports;
using Portal.Domain.Files;
using Portal.Domain.S3;
using Portal.Exports;
using Portal.Contracts.Exports;

namespace Portal.Runs;

/// <summary>
/// After an export is archived: aborts the multipart uploads its runs left under its S3 folder (a run killed mid-upload),
/// which no later run of it would clean up. Waits while a run still holds the export.
/// </summary>
public sealed partial class UploadCleanupJob(ExportRequests requests, IS3ClientFactory s3, IBackgroundJobClient jobs, ILogger<UploadCleanupJob> logger)
{
    public static readonly TimeSpan WaitForRun = TimeSpan.FromMinutes(1);

    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Abort the unfinished uploads of archived export {0}")]
    public async Task<int?> AbortUploadsAsync(int exportId, CancellationToken cancellationToken)
    {
        var export = await requests.LoadAsync(exportId, cancellationToken);
        if (export?.S3Destination is not { } destination || export.Kind != ExportKind.Project) return 0;
        if (export.ActiveRunId is not null)
        {
            jobs.Schedule<UploadCleanupJob>(j => j.AbortUploadsAsync(exportId, CancellationToken.None), WaitForRun);
            return null;
        }
        var target = requests.S3(destination);
        using var client = s3.Create(target);
        var layout = new ExportLayout(target, export.GroupName, export.ProjectName);
        var aborted = await new S3Store(client, target).AbortUploadsAsync(layout.BasePrefix, cancellationToken);
        LogAborted(logger, aborted ?? 0, layout.BaseUrl, exportId);
        return aborted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Aborted {Count} unfinished multipart uploads under {Base} of archived export {ExportId}")]
    private static partial void LogAborted(ILogger logger, int count, string @base, int exportId);
}
