using Hangfire;
using Portal.Contracts.Runs;
using Portal.Runs;

namespace Portal.Notifications;

/// <summary>
/// Hands a recorded run end to <see cref="NotificationJob"/>: one job in storage, nothing waited for, so no receiver can
/// delay or fail a run. A storage that refuses the job costs the notices of that run, never the run. The job client is
/// resolved at the first end, not when the runs' services are built: Hangfire's storage connects to the database when made.
/// </summary>
internal sealed partial class RunNotifier(IServiceProvider services, ILogger<RunNotifier> logger) : IRunEndListener
{
    public void RunEnded(long runId, int exportId, StatusCode status)
    {
        try
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<NotificationJob>(JobQueues.Default, job => job.PlanAsync(runId, CancellationToken.None));
        }
        catch (Exception e)
        {
            LogNotQueued(logger, e, runId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the notices about run {RunId}")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, long runId);
}
