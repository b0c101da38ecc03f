using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>
/// Told once a run's end is committed (live or replayed from the journal). It must return at once and never throw:
/// the run is over, and nothing a listener does may delay or change it.
/// </summary>
public interface IRunEndListener
{
    void RunEnded(long runId, int exportId, StatusCode status);
}
