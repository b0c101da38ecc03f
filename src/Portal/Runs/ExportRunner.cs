using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Files;
using Portal.Domain.Images;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Health;
using Portal.Nodes;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Telemetry;

namespace Portal.Runs;

/// <summary>
/// Runs one export: claims the export's guard (with a fencing token), runs its parts side by side with the owner's key,
/// records everything while the claim holds, and lets go. A second start while one is going is recorded as 101 and
/// returns at once; a run past <c>Exports:RunTimeout</c> is cancelled as 103; a cancel request as 104; a stopping
/// portal leaves 102; a run that finds another run took its export over stops at once and records nothing
/// (docs/decisions/010-run-fencing.md). One runner per job (scoped): Exports hands it the run's plan
/// (<see cref="ExportRequests.PlanAsync"/>) and the run's effect on the export goes back through
/// <see cref="Export.RecordRun"/> when <see cref="RunFinisher"/> records the end.
/// </summary>
public sealed partial class ExportRunner(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    PortalDbContext db,
    RunStore store,
    ExportRequests requests,
    ProjectFilesExporter files,
    SnapshotChecker checker,
    ImageExporter images,
    IOptions<ExportsOptions> options,
    IOptions<FileExportOptions> fileOptions,
    PortalNode node,
    DatabaseWrites writes,
    TimeProvider time,
    RunMetrics metrics,
    ILogger<ExportRunner> logger)
{
    private readonly RunLeaseTimes _lease = RunLeaseTimes.For(options.Value, fileOptions.Value);

    // The fencing types stay internal to the Runs feature, so this public job type cannot take them in its constructor.
    private RunFinisher Finisher => services.GetRequiredService<RunFinisher>();

    /// <summary>A scheduled tick: a new run, then <see cref="RunAsync(long, CancellationToken)"/>.</summary>
    public async Task RunScheduledAsync(int exportId, CancellationToken shutdown)
    {
        if (await CreateScheduledRunAsync(exportId, null, shutdown) is { } runId) await RunAsync(runId, shutdown);
    }

    /// <summary>A queued run (220) for a scheduled tick delivered as the Hangfire job <paramref name="jobId"/>; null when the export is gone.</summary>
    public async Task<long?> CreateScheduledRunAsync(int exportId, string? jobId, CancellationToken shutdown, RunKind kind = RunKind.Export)
    {
        if (!await db.Exports.AnyAsync(e => e.Id == exportId && !e.Archived && e.Enabled, shutdown))
        {
            RunLog.ExportGone(logger, exportId);
            return null;
        }
        return (await store.CreateAsync(exportId, RunTrigger.Schedule, null, jobId, shutdown, kind)).Id;
    }

    /// <summary>Runs a queued run (made by "Run now", the API, or a scheduled tick).</summary>
    /// <param name="force">Export even when nothing changed (the export's own ForceRun setting does so for every run).</param>
    public async Task RunAsync(long runId, CancellationToken shutdown, bool force = false)
    {
        var exportId = await db.Runs.Where(r => r.Id == runId).Select(r => (int?)r.ExportId).SingleOrDefaultAsync(shutdown);
        if (exportId is null) return;
        using var activity = RunTracing.StartRun(runId, exportId.Value);

        // Taken before the claim writes its heartbeat, so the lease never starts later than the heartbeat others judge it by.
        var (claimedTimestamp, claimedAt) = (time.GetTimestamp(), time.GetUtcNow());
        var claimed = await store.ClaimAsync(runId, exportId.Value, node.Name, options.Value.StaleRunAfter, shutdown);
        if (claimed.Outcome == ClaimOutcome.Duplicate) return;
        if (claimed.Outcome == ClaimOutcome.AlreadyRunning)
        {
            RunLog.AlreadyRunning(logger, runId, exportId.Value, claimed.HolderId ?? 0);
            await Finisher.FinishAsync(Outcome.Of(StatusCode.ExecutionScheduleTimeout, claimed.Refusal)
                .ToEnding(runId, exportId.Value, null, time.GetUtcNow(), null));
            return;
        }

        using var claim = new RunClaim(scopes, time, _lease, writes, runId, exportId.Value, claimed.Generation, claimedTimestamp, claimedAt);
        await using var recorder = new RunRecorder(scopes, time, claim, writes);
        var outcome = Outcome.Of(StatusCode.UnknownError, StatusCode.UnknownError.Describe());
        try
        {
            outcome = await ExecuteAsync(claim, recorder, force, shutdown);
        }
        catch (Exception e) when (e is not OperationCanceledException || !shutdown.IsCancellationRequested)
        {
            if (e is not RunLeaseException) RunLog.Unexpected(logger, e, runId);
            outcome = Outcome.Of(e is ExportException known ? known.Code : StatusCode.UnknownError,
                e is ExportException ? e.Message : $"An unexpected error has occurred: {e.GetType().Name}") with
            {
                ExceptionType = e.GetType().Name,
                ExceptionDetails = e.ToString(),
            };
        }
        catch (OperationCanceledException)
        {
            outcome = Outcome.Of(StatusCode.ExecutionNotComplete, "The portal stopped while the run was going; the next run picks up from here");
        }
        finally
        {
            await EndAsync(claim, recorder, outcome);
        }
    }

    private async Task<Outcome> ExecuteAsync(RunClaim claim, RunRecorder recorder, bool force, CancellationToken shutdown)
    {
        var (runId, exportId) = (claim.RunId, claim.ExportId);
        var run = await db.Runs.Where(r => r.Id == runId).Select(r => new { r.Trigger, r.Kind, r.ResumesRunId }).SingleAsync(shutdown);
        var plan = await requests.PlanAsync(exportId, runId, run.Kind, run.Trigger, force, shutdown, run.ResumesRunId);
        if (plan.Disabled) return Outcome.Of(StatusCode.Disabled, StatusCode.Disabled.Describe());

        if (!await claim.RenewAsync(s => s.SetProperty(r => r.Status, StatusCode.Running), shutdown)) throw RunClaim.LostException();
        await recorder.For(RunPart.Files).StageAsync(StatusCode.Running, shutdown);
        RunLog.Started(logger, runId, exportId, node.Name);
        if (plan.IsVerify) return await VerifyAsync(plan.Check, claim, recorder, shutdown);

        using var timeout = new CancellationTokenSource(options.Value.RunTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, timeout.Token, recorder.CancelRequested, claim.Lost);
        using var stopPump = new CancellationTokenSource();
        var pump = recorder.PumpAsync(options.Value.ProgressInterval, logger, stopPump.Token);

        FileExportResult? filesResult;
        ImageExportResult? imageResult;
        try
        {
            var filesTask = plan.Files is { } filesRequest
                ? files.ExportAsync(filesRequest with { Lease = claim }, recorder.For(RunPart.Files), linked.Token)
                : Task.FromResult<FileExportResult?>(null)!;
            var imageTask = plan.Image is { } imageRequest
                ? images.ExportAsync(imageRequest, recorder.For(RunPart.Image), linked.Token)
                : Task.FromResult<ImageExportResult?>(null)!;
            filesResult = await filesTask;
            imageResult = await imageTask;
            metrics.PartsDone(filesResult, imageResult);
        }
        finally
        {
            await stopPump.CancelAsync();
            await pump;
        }
        await FlushAsync(recorder, runId);

        var cancelledBy = timeout.IsCancellationRequested ? StatusCode.ExecutionRunTimeout
            : recorder.CancelRequested.IsCancellationRequested ? StatusCode.ExecutionCancelled
            : shutdown.IsCancellationRequested || claim.IsLost ? StatusCode.ExecutionNotComplete
            : (StatusCode?)null;
        return Outcome.From(plan.Export, filesResult, imageResult, cancelledBy, options.Value.RunTimeout);
    }

    /// <summary>
    /// Records the run's end, unless it lost its claim: then the run that took the export over owns the record (102)
    /// and the export's state, and this one writes nothing.
    /// </summary>
    private async Task EndAsync(RunClaim claim, RunRecorder recorder, Outcome outcome)
    {
        if (claim.IsLost)
        {
            RunLog.ClaimLost(logger, claim.RunId, claim.ExportId);
            return;
        }
        var (files, images, stages) = recorder.TakeUnsaved();
        var ending = outcome.ToEnding(claim.RunId, claim.ExportId, claim.Generation, time.GetUtcNow(), recorder.Counters,
            files.Select(f => new PendingFile(f.Path, f.Size, f.Sha256, f.Outcome, f.Attempts, f.Error)).ToList(),
            images.Select(i => new PendingImage(i.Reference, i.Digest, i.Size)).ToList(),
            stages.Select(s => new PendingStage(s.Code, s.At)).ToList());
        var recorded = await Finisher.FinishAsync(ending);
        if (recorded == EndingRecorded.ClaimLost) RunLog.ClaimLost(logger, claim.RunId, claim.ExportId);
        if (recorded == EndingRecorded.Recorded && ending.HasFilesPart) await PublishLogsAsync(claim.RunId, claim.ExportId);
    }

    private async Task PublishLogsAsync(long runId, int exportId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await scope.ServiceProvider.GetRequiredService<StatusLogPublisher>().PublishAsync(exportId, cts.Token);
        }
        catch (Exception e)
        {
            RunLog.StatusLogsFailed(logger, e, runId);
        }
    }
}
