using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Domain.Files;

/// <summary>How a file export uses the network and memory (configuration section "Exports").</summary>
public sealed class FileExportOptions
{
    public const string Section = "Exports";

    /// <summary>Files transferred at once.</summary>
    [Range(1, 64)]
    public int MaxParallelTransfers { get; set; } = 8;

    /// <summary>Multipart part size in bytes; files smaller than one part go up in a single PutObject.</summary>
    [Range(5 * 1024 * 1024, 512 * 1024 * 1024)]
    public int PartSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Parts of one file uploading at once while the next part is read from Domino.</summary>
    [Range(1, 16)]
    public int MaxPartsInFlightPerFile { get; set; } = 4;

    /// <summary>Part buffers held at once across all files: with <see cref="PartSize"/>, the memory bound of large-file uploads.</summary>
    [Range(2, 256)]
    public int MaxBufferedParts { get; set; } = 16;

    /// <summary>
    /// The node's bandwidth for file exports, in bytes per second (<c>52428800</c>, <c>50MiB</c>, <c>50 MiB/s</c>; see
    /// <see cref="ByteRate"/>), shared fairly by every transfer of every run on the node; empty: no limit. An export's own
    /// limit applies as well.
    /// </summary>
    [ByteRate]
    public string? BandwidthLimit { get; set; }

    /// <summary><see cref="BandwidthLimit"/> in bytes per second, or null for none.</summary>
    public long? BandwidthBytesPerSecond => ByteRate.TryParse(BandwidthLimit, out var limit) ? limit : null;

    /// <summary>Tries per file when Domino's download fails or breaks off.</summary>
    [Range(1, 10)]
    public int MaxAttemptsPerFile { get; set; } = 3;

    /// <summary>The wait before a file's next try (doubled each time); also before an S3 call is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest one S3 request may take from sending to its answer (a part upload included). It bounds how long
    /// a run that lost its claim could still be writing, so it must stay well under <c>Exports:StaleRunAfter</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan S3RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A download from Domino or a request to S3 that moves no byte for this long is abandoned and tried again. Completing a
    /// multipart upload is the exception: a store may answer only once it joined the parts, so <see cref="S3RequestTimeout"/>
    /// bounds that wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
