using Hangfire;
using Hangfire.Server;

namespace Portal.Runs;

/// <summary>
/// The Hangfire entry points. Policy lives here, the work in <see cref="ExportRunner"/>: a failed export
/// is recorded as a run, never retried by Hangfire behind people's backs.
/// </summary>
public sealed class ExportJob(ExportRunner runner)
{
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Scheduled run of export {0}")]
    public Task RunScheduledAsync(int exportId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunScheduledAsync(exportId, context?.BackgroundJob.Id, cancellationToken);

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Run {0}")]
    public Task RunAsync(long runId, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, cancellationToken);
}
