namespace Portal.Contracts.Runs;

/// <summary>The colour family of a status; each client picks its own colours for them.</summary>
public enum StatusTone
{
    Neutral,
    Active,
    Success,
    Skipped,
    Warning,
    Error,
}
