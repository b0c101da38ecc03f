using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;
using Portal.Exports;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Runs;

/// <summary>Runs as people read them: their exports' runs, or all for admins. Cancelling works from any node.</summary>
public sealed partial class RunService(PortalDbContext db, Audit.AuditLog audit, TimeProvider time)
{
    public async Task<RunDetails?> GetAsync(PortalUser user, long id, CancellationToken cancellationToken)
    {
        var run = await db.Runs.VisibleTo(user).AsNoTracking()
            .Include(r => r.Export).ThenInclude(e => e!.Owner)
            .Include(r => r.Stages.OrderBy(s => s.Id))
            .Include(r => r.Images.OrderBy(i => i.Id))
            .Include(r => r.Layers.OrderBy(l => l.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null) return null;
        var export = run.Export!;
        return new RunDetails
        {
            Summary = ToSummary(run),
            ExportKey = export.ExportKey,
            ExportName = $"{export.GroupName}/{export.ProjectName}",
            OwnerEmail = export.Owner?.Email ?? "",
            TriggeredBy = run.TriggeredBy,
            Node = run.Node,
            FilesStatus = (int?)run.FilesStatus,
            FilesStatusName = run.FilesStatus?.Name(),
            CommitId = run.CommitId,
            FilesLocation = run.FilesLocation,
            ImageStatus = (int?)run.ImageStatus,
            ImageStatusName = run.ImageStatus?.Name(),
            EnvironmentId = run.EnvironmentId,
            EnvironmentRevision = run.EnvironmentRevision,
            EnvironmentName = run.EnvironmentName,
            ExceptionType = run.ExceptionType,
            ExceptionDetails = RunErrorDetails.For(user, run.ExceptionDetails),
            CancelRequested = run.CancelRequested,
            Stages = run.Stages.Select(s => new RunStageDto((int)s.Code, s.Code.Stage(), s.At)).ToList(),
            Images = run.Images.Select(i => new RunImageDto(i.Reference, i.Digest, i.Size)).ToList(),
            ImagePath = run.ImagePath?.ToString(),
            Layers = run.Layers.Select(l => new RunLayerDto(l.Digest, l.MediaType, l.Size, l.Outcome.ToString(), l.Attempts, l.Seconds, l.Error)).ToList(),
            ResumesRunId = run.ResumesRunId,
            ResumesRunNumber = run.ResumesRunId is { } resumed
                ? await db.Runs.Where(r => r.Id == resumed).Select(r => (int?)r.Number).SingleOrDefaultAsync(cancellationToken)
                : null,
            CanResume = !export.Archived && await RunResumption.RefusalAsync(db, run, cancellationToken) is null,
        };
    }

    public async Task<Page<RunSummary>> ForExportAsync(PortalUser user, int exportId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var runs = db.Runs.VisibleTo(user).Where(r => r.ExportId == exportId);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var total = await runs.CountAsync(cancellationToken);
        var items = await runs.OrderByDescending(r => r.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        return new Page<RunSummary>(items.Select(ToSummary).ToList(), total);
    }

    public async Task<Page<RunFileDto>?> FilesAsync(PortalUser user, long runId, string? outcome, int skip, int take,
        CancellationToken cancellationToken)
    {
        if (!await db.Runs.VisibleTo(user).AnyAsync(r => r.Id == runId, cancellationToken)) return null;
        var files = db.RunFiles.Where(f => f.RunId == runId);
        if (Enum.TryParse<FileOutcome>(outcome, ignoreCase: true, out var o)) files = files.Where(f => f.Outcome == o);
        var total = await files.CountAsync(cancellationToken);
        var items = await files.OrderBy(f => f.Id).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 1000))
            .Select(f => new RunFileDto(f.Id, f.Path, f.Size, f.Sha256, f.Outcome.ToString(), f.Attempts, f.Error))
            .ToListAsync(cancellationToken);
        return new Page<RunFileDto>(items, total);
    }
}
