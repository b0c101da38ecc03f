using System.Text;
using Portal.Domain.Files;
using Portal.Domain.S3;

namespace Portal.Domain.StatusLogs;

/// <summary>
/// Writes the two S3 logs the original kept: each export's sync-status.log (its last runs, failed ones
/// included) and the bucket's exports-status.log (one line per export). Both are overwritten whole.
/// </summary>
public sealed class StatusLogWriter(IS3ClientFactory s3Clients)
{
    /// <summary>The original's EXPORTS_PROJECT_FILES_S3_SYNC_LOG_MAX_RECORDS.</summary>
    public const int DefaultMaxRecords = 10;

    /// <summary>The original's history rule: newest first, skipped runs left out, at most <paramref name="maxRecords"/>.</summary>
    public static IReadOnlyList<StatusRecord> SyncHistory(IEnumerable<StatusRecord> records, int maxRecords = DefaultMaxRecords) =>
        records.Where(r => r.Status != StatusRecord.Skipped).OrderByDescending(r => r.Timestamp).Take(maxRecords).ToList();

    public async Task WriteSyncLogAsync(ExportLayout layout, IEnumerable<StatusRecord> records, CancellationToken cancellationToken,
        int maxRecords = DefaultMaxRecords)
    {
        using var s3 = s3Clients.Create(layout.Target);
        await WriteAsync(new S3Store(s3, layout.Target), layout.SyncLog, PythonJson.Array(SyncHistory(records, maxRecords)),
            cancellationToken);
    }

    public async Task WriteExportsLogAsync(S3Target target, IEnumerable<ExportsStatusRecord> records, CancellationToken cancellationToken)
    {
        using var s3 = s3Clients.Create(target);
        var layout = new ExportLayout(target, "", "");
        await WriteAsync(new S3Store(s3, target), layout.ExportsLog, PythonJson.Array(records), cancellationToken);
    }

    // Logs stay in STANDARD whatever the export's storage class: they are read often and must be readable at once.
    private static Task WriteAsync(S3Store store, string key, string text, CancellationToken cancellationToken) =>
        store.PutAsync(key, Encoding.UTF8.GetBytes(text), null, "application/json", cancellationToken, S3StorageClasses.Standard);
}
