using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Exports;

namespace Portal.Runs;

public sealed partial class ExportRunner
{
    /// <summary>
    /// A Verify run: the export's latest snapshot read back from S3 and compared with its manifest. It holds the export's
    /// claim like any run, so no export run writes the snapshot while it is read; it changes nothing, in S3 or in the
    /// export's state, and ends 290 (every object matches) or 143 (each missing, changed or extra object recorded as a file).
    /// </summary>
    private async Task<Outcome> VerifyAsync(SnapshotCheckRequest? check, RunClaim claim, RunRecorder recorder, CancellationToken shutdown)
    {
        if (check is null)
            return Outcome.Of(StatusCode.S3Error, "This export writes no files to S3, so it has no snapshot to verify");
        using var timeout = new CancellationTokenSource(options.Value.RunTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, timeout.Token, recorder.CancelRequested, claim.Lost);
        using var stopPump = new CancellationTokenSource();
        var pump = recorder.PumpAsync(options.Value.ProgressInterval, logger, stopPump.Token);
        SnapshotCheckResult? result = null;
        try
        {
            result = await checker.CheckAsync(check, recorder.For(RunPart.Files), linked.Token);
        }
        catch (OperationCanceledException) when (!shutdown.IsCancellationRequested && linked.IsCancellationRequested)
        {
            // told below
        }
        finally
        {
            await stopPump.CancelAsync();
            await pump;
        }
        await FlushAsync(recorder, claim.RunId);
        if (result is not null) return Outcome.Of(result.Status, result.Message);
        return timeout.IsCancellationRequested
            ? Outcome.Of(StatusCode.ExecutionRunTimeout, $"The verify run took longer than the timeout ({options.Value.RunTimeout}) and was stopped")
            : recorder.CancelRequested.IsCancellationRequested
                ? Outcome.Of(StatusCode.ExecutionCancelled, "The verify run was cancelled")
                : Outcome.Of(StatusCode.ExecutionNotComplete, "The verify run stopped before it finished");
    }

    /// <summary>Saves the progress not saved yet; what it cannot save goes with the run's ending.</summary>
    private async Task FlushAsync(RunRecorder recorder, long runId)
    {
        try
        {
            await recorder.FlushAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            RunLog.ProgressNotSaved(logger, e, runId);
        }
    }
}
