using Portal.Audit;

namespace Portal.Exports;

/// <summary>An export as the audit log sees it: the fields a person chooses; the Domino key only as "secret changed".</summary>
internal static class ExportAudit
{
    // Run bookkeeping and fingerprints change without anyone choosing them.
    private static readonly string[] Ignored =
    [
        nameof(Export.ExportKey), nameof(Export.ApiKeyHash), nameof(Export.ArchivedAt), nameof(Export.FilesCommitId),
        nameof(Export.FilesFingerprint), nameof(Export.FilesLocation), nameof(Export.ImageEnvironmentId), nameof(Export.ImageRevision),
        nameof(Export.ImageFingerprint), nameof(Export.ActiveRunId), nameof(Export.ClaimGeneration), nameof(Export.LastRunId),
        nameof(Export.LastStatus), nameof(Export.LastRunAt), nameof(Export.LastDurationSeconds), nameof(Export.LastBytes), nameof(Export.NextRunAt),
    ];

    public static AuditSnapshot Snapshot(Export export) => AuditSnapshot.Of(export, [nameof(Export.ApiKey)], Ignored);

    public static AuditObject Object(Export export) => AuditObject.Export(export.Id, $"{export.GroupName}/{export.ProjectName}");
}
