using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Images;

/// <summary>When the Docker engine builds an export's image instead of a registry-to-registry copy.</summary>
public enum EngineUse
{
    /// <summary>Only for templates a copy cannot apply (RUN, COPY, ADD …).</summary>
    WhenNeeded,

    /// <summary>Every export goes through the engine (pull, build, push), as before the registry copy existed.</summary>
    Always,
}

/// <summary>How image exports copy between registries (configuration section "Images").</summary>
public sealed class ImagesOptions : IValidatableObject
{
    public const string Section = "Images";

    public EngineUse Engine { get; set; } = EngineUse.WhenNeeded;

    /// <summary>Blobs (layers and configs) one export copies at once.</summary>
    [Range(1, 32)]
    public int ParallelBlobs { get; set; } = 4;

    /// <summary>Blobs up to this size go up in one PUT; larger ones in PATCH chunks of this size (bytes).</summary>
    [Range(1L << 20, 1L << 30)]
    public long ChunkSize { get; set; } = 64L << 20;

    /// <summary>Tries per blob when a transfer breaks (429, 5xx, a reset); a chunked upload resumes where the registry confirmed.</summary>
    [Range(1, 10)]
    public int MaxAttemptsPerBlob { get; set; } = 3;

    /// <summary>The wait before a blob's (or a request's) next try, doubled each time; a Retry-After the registry sends wins, up to a minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time for one short registry call (a manifest, a HEAD, a token) before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>A blob transfer that moves no byte for this long counts as broken (and is tried again).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TransferIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Registry hosts (<c>host:port</c>) that may be spoken to over plain HTTP when HTTPS fails; loopback hosts always may.</summary>
    public string[] InsecureRegistries { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var host in InsecureRegistries)
            if (string.IsNullOrWhiteSpace(host) || host.Contains("://", StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal))
                yield return new ValidationResult($"Images:InsecureRegistries holds '{host}': list hosts as host:port, without a scheme or path",
                    [nameof(InsecureRegistries)]);
        if (!Enum.IsDefined(Engine))
            yield return new ValidationResult($"Images:Engine must be WhenNeeded or Always, not '{Engine}'", [nameof(Engine)]);
    }
}
