using System.ComponentModel.DataAnnotations;

namespace Portal.Jobs;

/// <summary>The <c>Hangfire</c> section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    [Range(1, 200)]
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);

    /// <summary>
    /// Queues this node's workers take jobs from, in priority order. Empty means <c>["default", "builds"]</c>: a single
    /// node with a Docker engine takes everything. A node without a Docker socket lists only <c>default</c>; a builder node
    /// (with the socket) <c>builds</c>, where runs that need a Docker build go (<see cref="Runs.JobQueues"/>). (An array
    /// default here would be appended to, not replaced, by configuration.)
    /// </summary>
    public string[] Queues { get; set; } = [];

    /// <summary>
    /// How long a job taken by a node that stopped answering (killed, cut off) stays hidden before another
    /// node takes it. A live node keeps its jobs however long they run (sliding invisibility).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public string[] EffectiveQueues => Queues.Length == 0 ? [Runs.JobQueues.Default, Runs.JobQueues.Builds] : Queues;
}
