using System.ComponentModel.DataAnnotations;

namespace Portal.Jobs;

/// <summary>The <c>Hangfire</c> section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    [Range(1, 200)]
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);

    /// <summary>Queues this node's workers take jobs from, in priority order.</summary>
    /// <summary>Empty means <c>["default"]</c>. (An array default here would be appended to, not replaced, by configuration.)</summary>
    public string[] Queues { get; set; } = [];

    public string[] EffectiveQueues => Queues.Length == 0 ? ["default"] : Queues;
}
