using Portal.Domain.Files;
using Portal.Domain.Images;

namespace Portal.Exports;

/// <summary>
/// What one run does, decided by Exports from the stored export (<see cref="ExportRequests.PlanAsync"/>): the Domain's
/// requests for its parts with the Domino key already decrypted, or why it does nothing. The run executes it and hands
/// its effect on the export back through <see cref="Export.RecordRun"/>.
/// </summary>
public sealed record RunPlan(Export Export)
{
    /// <summary>A scheduled tick for an export disabled since it was queued: recorded as 205, nothing runs.</summary>
    public bool Disabled { get; init; }

    public FileExportRequest? Files { get; init; }

    public ImageExportRequest? Image { get; init; }

    /// <summary>A Verify run: it reads the snapshot back and writes nothing.</summary>
    public bool IsVerify { get; init; }

    /// <summary>A dry run: <see cref="Files"/> (null when the export writes no files) is planned and recorded, nothing written.</summary>
    public bool IsDryRun { get; init; }

    /// <summary>A Verify run's check; null when the export keeps no snapshot in S3.</summary>
    public SnapshotCheckRequest? Check { get; init; }
}
