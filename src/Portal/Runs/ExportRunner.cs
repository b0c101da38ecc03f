using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Files;
using Portal.Domain.Images;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Nodes;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>
/// Runs one export: takes the export's guard, runs its parts side by side with the owner's key,
/// records everything, and lets go. A second start while one is going is recorded as 101 and returns
/// at once; a run past <c>Exports:RunTimeout</c> is cancelled as 103; a cancel request as 104; a
/// stopping portal leaves 102.
/// </summary>
public sealed class ExportRunner(
    IServiceScopeFactory scopes,
    ProjectFilesExporter files,
    ImageExporter images,
    IOptions<ExportsOptions> options,
    PortalNode node,
    TimeProvider time,
    ILogger<ExportRunner> logger)
{
    /// <summary>A scheduled tick: a new run, then <see cref="RunAsync(long, CancellationToken)"/>.</summary>
    public async Task RunScheduledAsync(int exportId, CancellationToken shutdown)
    {
        if (await CreateScheduledRunAsync(exportId, null, shutdown) is { } runId) await RunAsync(runId, shutdown);
    }

    /// <summary>A queued run (220) for a scheduled tick delivered as the Hangfire job <paramref name="jobId"/>; null when the export is gone.</summary>
    public async Task<long?> CreateScheduledRunAsync(int exportId, string? jobId, CancellationToken shutdown)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!await db.Exports.AnyAsync(e => e.Id == exportId && !e.Archived && e.Enabled, shutdown))
        {
            RunLog.ExportGone(logger, exportId);
            return null;
        }
        return (await scope.ServiceProvider.GetRequiredService<RunStore>().CreateAsync(exportId, RunTrigger.Schedule, null, jobId, shutdown)).Id;
    }

    /// <summary>Runs a queued run (made by "Run now", the API, or a scheduled tick).</summary>
    public async Task RunAsync(long runId, CancellationToken shutdown)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RunStore>();
        var exportId = await db.Runs.Where(r => r.Id == runId).Select(r => (int?)r.ExportId).SingleOrDefaultAsync(shutdown);
        if (exportId is null) return;

        var (claim, activeRunId) = await store.ClaimAsync(runId, exportId.Value, node.Name, options.Value.StaleRunAfter, shutdown);
        if (claim == ClaimOutcome.Duplicate) return;
        if (claim == ClaimOutcome.AlreadyRunning)
        {
            RunLog.AlreadyRunning(logger, runId, exportId.Value, activeRunId ?? 0);
            var number = await db.Runs.Where(r => r.Id == activeRunId).Select(r => r.Number).SingleOrDefaultAsync(shutdown);
            await FinishAsync(db, runId, exportId.Value, Outcome.Of(StatusCode.ExecutionScheduleTimeout,
                $"The export was already running (run #{number}), so this run did not start"), holdsGuard: false);
            return;
        }

        var outcome = Outcome.Of(StatusCode.UnknownError, StatusCode.UnknownError.Describe());
        try
        {
            outcome = await ExecuteAsync(scope.ServiceProvider, runId, exportId.Value, shutdown);
        }
        catch (Exception e) when (e is not OperationCanceledException || !shutdown.IsCancellationRequested)
        {
            RunLog.Unexpected(logger, e, runId);
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
            await FinishAsync(db, runId, exportId.Value, outcome, holdsGuard: true);
            if (outcome.HasFilesPart) await PublishLogsAsync(runId, exportId.Value);
        }
    }

    private async Task<Outcome> ExecuteAsync(IServiceProvider services, long runId, int exportId, CancellationToken shutdown)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var requests = services.GetRequiredService<ExportRequests>();
        var export = await requests.LoadAsync(exportId, shutdown)
            ?? throw new ExportException(StatusCode.UnknownError, "The export was deleted");
        // A disabled export's schedule is gone; a tick already queued records 205. "Run now" is a person's choice and runs.
        var trigger = await db.Runs.Where(r => r.Id == runId).Select(r => r.Trigger).SingleAsync(shutdown);
        if (!export.Enabled && trigger == RunTrigger.Schedule)
            return Outcome.Of(StatusCode.Disabled, StatusCode.Disabled.Describe());

        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, StatusCode.Running), shutdown);
        await using var recorder = new RunRecorder(scopes, time, runId);
        await recorder.For(RunPart.Files).StageAsync(StatusCode.Running, shutdown);
        RunLog.Started(logger, runId, exportId, node.Name);

        var apiKey = await requests.OwnerKeyAsync(export, shutdown);
        using var timeout = new CancellationTokenSource(options.Value.RunTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, timeout.Token, recorder.CancelRequested);
        using var stopPump = new CancellationTokenSource();
        var pump = recorder.PumpAsync(options.Value.ProgressInterval, logger, stopPump.Token);

        var runsFiles = export.Kind == ExportKind.Project && export.ExportFiles && export.S3Destination is not null;
        var runsImage = (export.Kind == ExportKind.Environment || export.ExportImage) && export.RegistryDestination is not null;
        var filesTask = runsFiles
            ? files.ExportAsync(requests.Files(export, apiKey, runId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                recorder.For(RunPart.Files), linked.Token)
            : Task.FromResult<FileExportResult?>(null)!;
        var imageTask = runsImage
            ? images.ExportAsync(requests.Image(export, apiKey), recorder.For(RunPart.Image), linked.Token)
            : Task.FromResult<ImageExportResult?>(null)!;
        FileExportResult? filesResult = await filesTask;
        ImageExportResult? imageResult = await imageTask;

        await stopPump.CancelAsync();
        await pump;
        await recorder.FlushAsync(CancellationToken.None);

        var cancelledBy = timeout.IsCancellationRequested ? StatusCode.ExecutionRunTimeout
            : recorder.CancelRequested.IsCancellationRequested ? StatusCode.ExecutionCancelled
            : shutdown.IsCancellationRequested ? StatusCode.ExecutionNotComplete
            : (StatusCode?)null;
        return Outcome.From(export, filesResult, imageResult, cancelledBy, options.Value.RunTimeout);
    }

    private async Task FinishAsync(PortalDbContext db, long runId, int exportId, Outcome outcome, bool holdsGuard)
    {
        // Whatever stopped the run, its end is recorded: no run stays "running" for ever.
        var ct = CancellationToken.None;
        var now = time.GetUtcNow();
        db.ChangeTracker.Clear();
        var run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
        outcome.ApplyTo(run, now);
        // A part that never reported its end (the run failed around it) ends with the run.
        if (run.FilesStatus?.IsRunning() == true) run.FilesStatus = run.Status;
        if (run.ImageStatus?.IsRunning() == true) run.ImageStatus = run.Status;
        db.RunStages.Add(new RunStage { RunId = runId, Code = run.Status, At = now });
        await db.SaveChangesAsync(ct);

        var export = await db.Exports.SingleAsync(e => e.Id == exportId, ct);
        outcome.ApplyTo(export);
        if (export.LastRunId is null || export.LastRunId <= runId)
        {
            export.LastRunId = runId;
            export.LastStatus = run.Status;
            export.LastRunAt = run.StartedAt ?? run.CreatedAt;
            export.LastDurationSeconds = run.StartedAt is { } started ? (now - started).TotalSeconds : 0;
            export.LastBytes = run.BytesDone + run.ImageBytesDone;
        }
        export.NextRunAt = ExportScheduleSync.NextRun(export, now);
        if (holdsGuard && export.ActiveRunId == runId) export.ActiveRunId = null;
        await db.SaveChangesAsync(ct);
        await RunStatistics.AddAsync(db, export, run, now, ct);
        RunLog.Ended(logger, runId, exportId, (int)run.Status, run.Message ?? "");
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
