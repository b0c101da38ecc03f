using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Client.Runs;
using Portal.Client.Shared;
using Portal.Data;
using Portal.Domain.Runs;

namespace Portal.Runs;

/// <summary>Runs as people read them: their exports' runs, or all for admins. Cancelling works from any node.</summary>
public sealed class RunService(PortalDbContext db, TimeProvider time)
{
    public IQueryable<Run> Visible(PortalUser user) =>
        user.IsAdmin ? db.Runs : db.Runs.Where(r => r.Export!.OwnerId == user.Id);

    public async Task<RunDetails?> GetAsync(PortalUser user, long id, CancellationToken cancellationToken)
    {
        var run = await Visible(user).AsNoTracking()
            .Include(r => r.Export).ThenInclude(e => e!.Owner)
            .Include(r => r.Stages.OrderBy(s => s.Id))
            .Include(r => r.Images.OrderBy(i => i.Id))
            .Include(r => r.Layers.OrderBy(l => l.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null) return null;
        var export = run.Export!;
        return new RunDetails(
            ToSummary(run),
            export.ExportKey,
            $"{export.GroupName}/{export.ProjectName}",
            export.Owner?.Email ?? "",
            run.TriggeredBy,
            run.Node,
            (int?)run.FilesStatus,
            run.FilesStatus?.Name(),
            run.CommitId,
            run.FilesLocation,
            (int?)run.ImageStatus,
            run.ImageStatus?.Name(),
            run.EnvironmentId,
            run.EnvironmentRevision,
            run.EnvironmentName,
            run.ExceptionType,
            run.ExceptionDetails,
            run.CancelRequested,
            run.Stages.Select(s => new RunStageDto((int)s.Code, s.Code.Name(), s.At)).ToList(),
            run.Images.Select(i => new RunImageDto(i.Reference, i.Digest, i.Size)).ToList(),
            run.ImagePath?.ToString(),
            run.Layers.Select(l => new RunLayerDto(l.Digest, l.MediaType, l.Size, l.Outcome.ToString(), l.Attempts, l.Seconds, l.Error)).ToList());
    }

    public async Task<Page<RunSummary>> ForExportAsync(PortalUser user, int exportId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var runs = Visible(user).Where(r => r.ExportId == exportId);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var total = await runs.CountAsync(cancellationToken);
        var items = await runs.OrderByDescending(r => r.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        return new Page<RunSummary>(items.Select(ToSummary).ToList(), total);
    }

    public async Task<Page<RunFileDto>?> FilesAsync(PortalUser user, long runId, string? outcome, int skip, int take,
        CancellationToken cancellationToken)
    {
        if (!await Visible(user).AnyAsync(r => r.Id == runId, cancellationToken)) return null;
        var files = db.RunFiles.Where(f => f.RunId == runId);
        if (Enum.TryParse<FileOutcome>(outcome, ignoreCase: true, out var o)) files = files.Where(f => f.Outcome == o);
        var total = await files.CountAsync(cancellationToken);
        var items = await files.OrderBy(f => f.Id).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 1000))
            .Select(f => new RunFileDto(f.Id, f.Path, f.Size, f.Sha256, f.Outcome.ToString(), f.Attempts, f.Error))
            .ToListAsync(cancellationToken);
        return new Page<RunFileDto>(items, total);
    }

    /// <summary>Asks the node running it to stop: the run notices within a progress interval and ends as 104.</summary>
    public async Task<SaveResult> CancelAsync(PortalUser user, long runId, CancellationToken cancellationToken)
    {
        var run = await Visible(user).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null) return SaveResult.Missing("This run does not exist.");
        if (run.Status.IsFinished()) return SaveResult.Invalid("", $"The run has already ended ({run.Status.Name()}).");
        run.CancelRequested = true;
        run.CancelledBy = user.Email;
        if (run.Status == StatusCode.Scheduled)
        {
            // Not started yet: it will never start.
            run.Status = StatusCode.ExecutionCancelled;
            run.Message = $"Cancelled by {user.Email} before it started";
            run.EndedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok((int)Math.Min(runId, int.MaxValue));
    }

    public static RunSummary ToSummary(Run r) => new(r.Id, r.ExportId, r.Number, r.Trigger.ToString(), (int)r.Status, r.Status.Name(),
        r.Message, r.CreatedAt, r.StartedAt, r.EndedAt, r.FilesTotal, r.FilesDone, r.FilesFailed, r.BytesTotal, r.BytesDone,
        r.ImageBytesTotal, r.ImageBytesDone);
}
