namespace Portal.Domain.Runs;

/// <summary>What happened to one blob of an image copy.</summary>
public enum LayerOutcome
{
    /// <summary>The target repository already held it: nothing moved.</summary>
    Present,
    /// <summary>Mounted from the source repository on the same registry: nothing moved.</summary>
    Mounted,
    /// <summary>Streamed from the source registry to the target.</summary>
    Copied,
    Failed,
}
