namespace Portal.Contracts.Runs;

/// <summary>
/// What a status code means, in one place for the engine, the server and the browser (docs/status-codes.md):
/// ≤ 199 an error, 220 queued, 210 and ≥ 300 running, 200/205/290 and the errors finished.
/// </summary>
public static class StatusMeaning
{
    /// <summary>The highest error code: codes above <see cref="StatusCode.None"/> up to it are errors (the original's rule).</summary>
    public const StatusCode LastError = StatusCode.UnknownError;

    public static bool IsError(this StatusCode code) => code is > StatusCode.None and <= LastError;

    /// <summary>Waiting for a worker: the run exists but has not started.</summary>
    public static bool IsQueued(this StatusCode code) => code == StatusCode.Scheduled;

    /// <summary>Started and not ended: initializing (it holds its export) or in one of its stages (≥ 300).</summary>
    public static bool IsRunning(this StatusCode code) => code is StatusCode.Initializing or >= StatusCode.Running;

    /// <summary>A finished run: an error or one of the outcomes.</summary>
    public static bool IsFinished(this StatusCode code) =>
        code.IsError() || code is StatusCode.Skipped or StatusCode.Disabled or StatusCode.Completed;

    /// <summary>How a finished run counts on the dashboard: a run that did not start because one was going (101) skipped.</summary>
    public static RunOutcome Outcome(this StatusCode code) => code switch
    {
        StatusCode.Completed => RunOutcome.Succeeded,
        StatusCode.Skipped or StatusCode.Disabled or StatusCode.ExecutionScheduleTimeout => RunOutcome.Skipped,
        StatusCode.ExecutionCancelled => RunOutcome.Cancelled,
        _ => RunOutcome.Failed,
    };

    /// <summary>The word a person reads for a run's or an export's last status.</summary>
    public static string Label(this StatusCode? code) => code switch
    {
        null or StatusCode.None => "Never run",
        StatusCode.Scheduled => "Queued",
        { } c when c.IsRunning() => "Running",
        StatusCode.Disabled => "Disabled",
        { } c => c.Outcome().ToString(),
    };

    /// <summary>The colour family a status is shown in.</summary>
    public static StatusTone Tone(this StatusCode? code) => code switch
    {
        null or StatusCode.None or StatusCode.Disabled => StatusTone.Neutral,
        { } c when c.IsQueued() || c.IsRunning() => StatusTone.Active,
        { } c => c.Outcome() switch
        {
            RunOutcome.Succeeded => StatusTone.Success,
            RunOutcome.Skipped => StatusTone.Skipped,
            RunOutcome.Cancelled => StatusTone.Warning,
            _ => StatusTone.Error,
        },
    };
}
