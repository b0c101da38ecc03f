namespace Portal.Domain.StatusLogs;

/// <summary>One export's line in the top-level exports-status.log (docs/s3-layout.md, "Status logs").</summary>
public sealed record ExportsStatusRecord(DateTime Timestamp, string ExportId, string Status, string? SyncLogPath)
{
    internal IEnumerable<(string Key, object? Value)> Fields()
    {
        yield return ("timestamp", Timestamp);
        yield return ("export_id", ExportId);
        yield return ("status", Status);
        yield return ("sync_log_path", SyncLogPath);
    }
}
