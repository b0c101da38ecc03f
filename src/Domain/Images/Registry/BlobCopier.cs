using System.Diagnostics;
using System.Security.Cryptography;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Registry;

/// <summary>A blob that could not be copied: its record (tries, error) and the failure itself as the inner exception.</summary>
internal sealed class BlobCopyException(LayerRecord record, Exception inner) : Exception(inner.Message, inner)
{
    public LayerRecord Record { get; } = record;
}

/// <summary>
/// Copies one blob the target lacks: a cross-repository mount when both repositories are on one
/// registry, else a streamed GET → upload (one PUT up to the chunk size, PATCH chunks above it). A
/// broken transfer (429, 5xx, a reset, a stall) is tried again; a chunked upload resumes from the last
/// chunk the registry confirmed when it still holds it. Cancellation gives the session up (DELETE).
/// </summary>
internal sealed class BlobCopier(RegistryClient source, string sourceRepository, RegistryClient target, string targetRepository,
    ImagesOptions options, TimeProvider time, Microsoft.Extensions.Logging.ILogger logger, Action<long> onBytes)
{
    private const int BufferSize = 1 << 20;

    private bool CanMount => source.Endpoint.IsSameRegistry(target.Endpoint) && sourceRepository != targetRepository;

    public async Task<LayerRecord> CopyAsync(Descriptor blob, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var state = new Attempt();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                state.Attempts = attempt;
                try
                {
                    if (state.Session is null)
                    {
                        if (CanMount && attempt == 1)
                        {
                            var mount = await target.MountAsync(targetRepository, blob.Digest, sourceRepository, cancellationToken);
                            if (mount.Mounted)
                            {
                                onBytes(blob.Size);
                                return new LayerRecord(blob.Digest, blob.Size, blob.MediaType, LayerOutcome.Mounted, attempt, watch.Elapsed);
                            }
                            state.Session = mount.Session;
                        }
                        state.Session ??= await target.StartUploadAsync(targetRepository, cancellationToken);
                    }
                    await UploadAsync(blob, state, cancellationToken);
                    state.Session = null;
                    return new LayerRecord(blob.Digest, blob.Size, blob.MediaType, LayerOutcome.Copied, attempt, watch.Elapsed);
                }
                catch (RegistryException e) when (e.IsRetryable && attempt < options.MaxAttemptsPerBlob && !cancellationToken.IsCancellationRequested)
                {
                    // Bytes of the broken try beyond what the registry kept will move again: take them off the run's count.
                    onBytes(state.Confirmed - state.Reported);
                    state.Reported = state.Confirmed;
                    var wait = Backoff(attempt, e.RetryAfter);
                    RegistryLog.BlobRetry(logger, e.Registry, blob.Digest, e.Reason, attempt, wait);
                    await Task.Delay(wait, time, cancellationToken);
                    await PrepareResumeAsync(blob, state, cancellationToken);
                }
            }
        }
        catch (Exception e)
        {
            // DELETE right away: a registry still closing the request we broke off may keep a remnant, but no live session.
            if (state.Session is { } open) await open.CancelAsync();
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested) throw;
            throw new BlobCopyException(new LayerRecord(blob.Digest, blob.Size, blob.MediaType, LayerOutcome.Failed, state.Attempts, watch.Elapsed, e.Message), e);
        }
        finally
        {
            state.Hash?.Dispose();
        }
    }

    private async Task UploadAsync(Descriptor blob, Attempt state, CancellationToken cancellationToken)
    {
        var session = state.Session!;
        using var response = await source.OpenBlobAsync(sourceRepository, blob, state.Confirmed, cancellationToken);
        if (response.Offset != state.Confirmed)
        {
            // The source answered the whole blob instead of the range: start over, in a new session.
            await session.CancelAsync();
            onBytes(-state.Reported);
            state.Restart();
            session = state.Session = await target.StartUploadAsync(targetRepository, cancellationToken);
        }
        using var reader = new BlobSource(blob, response.Content, state.Hash?.Clone() ?? IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
            state.Confirmed, source.Side, n => { state.Reported += n; onBytes(n); });
        var chunk = Math.Max(options.ChunkSize, session.MinimumChunk ?? 0);

        if (blob.Size <= chunk && state.Confirmed == 0 && !state.Streamed)
        {
            await session.PutAsync(blob.Digest, () => Content(reader, blob.Size, verifyAtEnd: true), replayable: false, cancellationToken);
            return;
        }
        while (session.Offset < blob.Size)
        {
            var length = state.Streamed ? blob.Size - session.Offset : Math.Min(chunk, blob.Size - session.Offset);
            try
            {
                // Expect: 100-continue on a first chunk: a registry that refuses chunks (or this size) says so before any byte is sent.
                await session.PatchAsync(Content(reader, length, verifyAtEnd: false), length, withRange: !state.Streamed,
                    expectContinue: session.Offset == 0, cancellationToken);
            }
            catch (RegistryException e) when (!state.Streamed && session.Offset == 0 && e.Status is System.Net.HttpStatusCode.RequestEntityTooLarge
                                                  or System.Net.HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // GHCR, for one, caps chunk requests: send the blob as Docker does, in one PATCH without a range.
                RegistryLog.ChunksRefused(logger, target.Endpoint.Name, blob.Digest, e.Reason);
                state.Streamed = true;
                throw new RegistryException(RegistryFailure.Unavailable, e.Side, e.Operation, e.Reason, e.Status, inner: e);
            }
            state.Confirmed = session.Offset;
            state.Hash?.Dispose();
            state.Hash = reader.Snapshot();
        }
        reader.Verify();
        await session.PutAsync(blob.Digest, null, replayable: true, cancellationToken);
    }

    /// <summary>Keeps the session if the registry holds exactly the confirmed bytes (ECR, for one, may under-report); else starts over.</summary>
    private async Task PrepareResumeAsync(Descriptor blob, Attempt state, CancellationToken cancellationToken)
    {
        if (state.Session is not { } session) return;
        if (state.Confirmed > 0 && await session.StatusAsync(cancellationToken) == state.Confirmed)
        {
            session.ResumeAt(state.Confirmed);
            RegistryLog.Resuming(logger, target.Endpoint.Name, blob.Digest, state.Confirmed, blob.Size);
            return;
        }
        await session.CancelAsync();
        onBytes(-state.Reported);
        state.Restart();
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var backoff = options.RetryDelay * Math.Pow(2, attempt - 1);
        return retryAfter is { } r && r > backoff ? (r > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : r) : backoff;
    }

    private ChunkContent Content(BlobSource reader, long length, bool verifyAtEnd) =>
        new(reader, length, verifyAtEnd, BufferSize, options.TransferIdleTimeout, target.Side);

    /// <summary>Where one blob's upload stands between tries.</summary>
    private sealed class Attempt
    {
        public BlobUpload? Session;
        public long Confirmed;
        public long Reported;
        public IncrementalHash? Hash;
        public bool Streamed;
        public int Attempts;

        public void Restart()
        {
            Session = null;
            Confirmed = Reported = 0;
            Hash?.Dispose();
            Hash = null;
        }
    }
}
