namespace Portal.Runs;

internal static partial class RunLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the progress of run {RunId}; retrying at the next tick")]
    public static partial void ProgressNotSaved(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of export {ExportId} started on {Node}")]
    public static partial void Started(ILogger logger, long runId, int exportId, string node);

    /// <summary>The run's one line at its end: what an operator greps for, with everything the run page's summary shows.</summary>
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} of export {ExportId} ended on {Node} with {Status} after {DurationSeconds:0.0} s: {Files} files, {Bytes} bytes; {Message}")]
    public static partial void Ended(ILogger logger, long runId, int exportId, string node, int status, double durationSeconds, int files,
        long bytes, string message);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Run {RunId} lost its claim on export {ExportId}: another run took it over (or ended this one), so it stopped and records nothing more")]
    public static partial void ClaimLost(ILogger logger, long runId, int exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of export {ExportId} did not start: run {ActiveRunId} is still going")]
    public static partial void AlreadyRunning(ILogger logger, long runId, int exportId, long activeRunId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} was interrupted ({Reason}) and is recorded as 102")]
    public static partial void Interrupted(ILogger logger, long runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the S3 status logs after run {RunId}")]
    public static partial void StatusLogsFailed(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} no longer exists or is archived; its scheduled run is dropped")]
    public static partial void ExportGone(ILogger logger, int exportId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Job {JobId} was delivered again (the node that took it stopped answering): run {RunId} of export {ExportId} is not made twice")]
    public static partial void DeliveredAgain(ILogger logger, string jobId, long runId, int exportId);
}
