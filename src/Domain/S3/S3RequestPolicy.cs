using Portal.Domain.Runs;

namespace Portal.Domain.S3;

/// <summary>
/// How every HTTP request of one S3 client is bounded: <see cref="RequestTimeout"/> from sending to the
/// answer's headers, <see cref="StallTimeout"/> without a byte going either way (but for completing a multipart upload,
/// which a store may answer only once it joined the parts), and writes (PUT, POST,
/// DELETE but aborting an upload) only while <see cref="Lease"/> is held — checked before the request and
/// before every chunk of its body, so a process frozen mid-upload cannot finish it after resuming.
/// </summary>
public sealed record S3RequestPolicy(TimeSpan RequestTimeout, TimeSpan StallTimeout, IRunLease Lease)
{
    /// <summary>For callers outside a run (status logs, connection checks): generous bounds, nobody to fence.</summary>
    public static S3RequestPolicy Default { get; } = new(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(60), RunLeases.Unfenced);
}
