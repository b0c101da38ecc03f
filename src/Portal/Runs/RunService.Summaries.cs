using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Runs;

namespace Portal.Runs;

// A run as lists show it.
public sealed partial class RunService
{
    public static RunSummary ToSummary(Run r) => new()
    {
        Id = r.Id,
        ExportId = r.ExportId,
        Number = r.Number,
        Trigger = r.Trigger.ToString(),
        Status = (int)r.Status,
        StatusName = r.Status.Name(),
        Message = r.Message,
        CreatedAt = r.CreatedAt,
        StartedAt = r.StartedAt,
        EndedAt = r.EndedAt,
        FilesTotal = r.FilesTotal,
        FilesDone = r.FilesDone,
        FilesFailed = r.FilesFailed,
        BytesTotal = r.BytesTotal,
        BytesDone = r.BytesDone,
        ImageBytesTotal = r.ImageBytesTotal,
        ImageBytesDone = r.ImageBytesDone,
        Kind = r.Kind.ToString(),
    };
}
