namespace Portal.Contracts.Runs;

/// <summary>How a finished run ended, as the dashboard counts it (<see cref="StatusMeaning.Outcome"/>).</summary>
public enum RunOutcome
{
    Succeeded,
    Skipped,
    Failed,
    Cancelled,
}
