using Hangfire;
using Hangfire.Server;

namespace Portal.Runs;

/// <summary>
/// The Hangfire entry points. Policy lives here, the work in <see cref="ExportRunner"/>: a failed export
/// is recorded as a run, never retried by Hangfire behind people's backs.
/// </summary>
public sealed class ExportJob(ExportRunner runner, ILogger<ExportJob> logger)
{
    /// <summary>The job parameter in which a scheduled tick's job keeps the run it made.</summary>
    public const string RunParameter = "PortalRunId";

    /// <summary>
    /// A scheduled tick. Hangfire hands a job out again when the node that took it stopped answering
    /// (<c>Hangfire:InvisibilityTimeout</c>); the run the first delivery made is then taken up — run if it never
    /// started, left to its guard otherwise — and never made twice.
    /// </summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Scheduled run of export {0}")]
    public Task RunScheduledAsync(int exportId, PerformContext? context, CancellationToken cancellationToken) =>
        ScheduledAsync(exportId, RunKind.Export, context, cancellationToken);

    /// <summary>A tick of the export's verify schedule: a Verify run, made once however often Hangfire hands the job out.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Scheduled verify of export {0}")]
    public Task VerifyScheduledAsync(int exportId, PerformContext? context, CancellationToken cancellationToken) =>
        ScheduledAsync(exportId, RunKind.Verify, context, cancellationToken);

    private async Task ScheduledAsync(int exportId, RunKind kind, PerformContext? context, CancellationToken cancellationToken)
    {
        var runId = context?.GetJobParameter<long?>(RunParameter, allowStale: false);
        if (runId is { } again)
        {
            RunLog.DeliveredAgain(logger, context!.BackgroundJob.Id, again, exportId);
        }
        else
        {
            runId = await runner.CreateScheduledRunAsync(exportId, context?.BackgroundJob.Id, cancellationToken, kind);
            if (runId is null) return;
            context?.SetJobParameter(RunParameter, runId);
        }
        await runner.RunAsync(runId.Value, cancellationToken);
    }

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Run {0}")]
    public Task RunAsync(long runId, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, cancellationToken);

    /// <summary>"Run anyway": the force travels with the job, so a run redelivered after a crash is forced too.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Run {0} (forced)")]
    public Task RunForcedAsync(long runId, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, cancellationToken, force: true);
}
