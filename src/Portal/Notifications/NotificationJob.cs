using Hangfire;

namespace Portal.Notifications;

/// <summary>
/// The Hangfire jobs that tell people about runs: <see cref="PlanAsync"/> once a run's end is recorded, then
/// <see cref="SendAsync"/> per message. A failed try schedules the next one (doubling waits, <c>Notifications:RetryDelay</c>,
/// <c>MaxAttempts</c>) as a job in storage, so tries survive a restart and never hold a worker while a receiver is down.
/// </summary>
public sealed class NotificationJob(NoticePlanner planner, NoticeSender sender, IBackgroundJobClient jobs)
{
    [JobDisplayName("Notify about run {0}")]
    public async Task PlanAsync(long runId, CancellationToken cancellationToken)
    {
        foreach (var deliveryId in await planner.PlanAsync(runId, cancellationToken))
            jobs.Enqueue<NotificationJob>(job => job.SendAsync(deliveryId, CancellationToken.None));
    }

    [JobDisplayName("Send notice {0}")]
    public async Task SendAsync(long deliveryId, CancellationToken cancellationToken)
    {
        if (await sender.TryAsync(deliveryId, cancellationToken) is { } wait)
            jobs.Schedule<NotificationJob>(job => job.SendAsync(deliveryId, CancellationToken.None), wait);
    }
}
