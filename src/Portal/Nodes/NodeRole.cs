
namespace Portal.Nodes;

/// <summary>What this process does (<c>Portal:Role</c>): everything, the web side only, or export jobs only.</summary>
public enum NodeRole
{
    /// <summary>Pages, API and job processing in one process (the default; the only choice with SQLite).</summary>
    All,

    /// <summary>Pages, API and the jobs dashboard; enqueues jobs but processes none.</summary>
    Web,

    /// <summary>Processes jobs; answers only the health endpoints.</summary>
    Worker,
}
