using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Domino;

/// <summary>Timeouts and retries for Domino API calls (configuration section "Domino").</summary>
public sealed class DominoClientOptions
{
    public const string Section = "Domino";

    /// <summary>How long one attempt may take until Domino starts answering.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 5xx, 429 or timeout (with exponential back-off and jitter).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay; later ones grow exponentially.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
