namespace Portal.Runs;

/// <summary>Every few seconds, records the run endings this node journaled while its database was away.</summary>
internal sealed partial class RunJournalReplayer(RunJournal journal, RunFinisher finisher, TimeProvider time, ILogger<RunJournalReplayer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (journal.Pending == 0) continue;
                try
                {
                    await finisher.ReplayAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replaying the run journal failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
