using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.S3;

/// <summary>How often an S3 call is tried when the network fails it (the file's attempts, <c>Exports:MaxAttemptsPerFile</c>).</summary>
public sealed record S3Retry(int Attempts, TimeSpan FirstDelay)
{
    public static S3Retry Default { get; } = new(3, TimeSpan.FromSeconds(1));
}

/// <summary>S3 refused the write because its precondition (If-None-Match, If-Match) did not hold.</summary>
public sealed class S3PreconditionFailedException(string message, string? details = null)
    : ExportException(StatusCode.S3Error, message, details);

/// <summary>One S3 call with its retries and the translation of what went wrong.</summary>
internal static class S3Calls
{
    public static async Task<T> RunAsync<T>(string doing, Func<Task<T>> call, S3Target target, S3Retry retry, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var delay = retry.FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (Find<RunLeaseException>(e) is { } lease) throw lease;
                if (e is ExportException) throw;
                if (e is AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed } failed)
                    throw new S3PreconditionFailedException($"S3 refused {doing}: the object changed since it was read ({failed.ErrorCode})",
                        failed.ToString());
                if (!IsTransient(e) || attempt >= retry.Attempts) throw Translate(e, target, doing, attempt);
            }
            // Jitter keeps several files that failed together from trying again together.
            await Task.Delay(delay * (0.75 + Random.Shared.NextDouble() / 2), time, cancellationToken);
            delay *= 2;
        }
    }

    /// <summary>The network or the server failed, not the request: a refused or reset connection, a timeout, a stall, a 5xx.</summary>
    public static bool IsTransient(Exception e)
    {
        if (Find<RunLeaseException>(e) is not null) return false;
        if (e is AmazonS3Exception s3 && (int)s3.StatusCode is > 0 and < 500)
            return s3.ErrorCode is "SlowDown" or "RequestTimeout" or "ConditionalRequestConflict" or "OperationAborted"
                   || s3.StatusCode is HttpStatusCode.TooManyRequests;
        for (var x = e; x is not null; x = x.InnerException)
            if (x is TimeoutException or HttpRequestException or IOException or SocketException or OperationCanceledException
                || x is AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError })
                return true;
        return false;
    }

    private static ExportException Translate(Exception e, S3Target target, string doing, int attempts)
    {
        var tries = attempts > 1 ? $" (tried {attempts} times)" : "";
        if (Find<TimeoutException>(e) is { } timeout)
            return new ExportException(StatusCode.S3Error,
                $"The S3 target {Where(target)} stalled while {doing}{tries}: {timeout.Message}", e.ToString(), e);
        if (e is OperationCanceledException)
            return new ExportException(StatusCode.S3Error, $"The S3 target {Where(target)} did not answer in time while {doing}{tries}",
                e.ToString(), e);
        var error = S3Errors.ToExportException(e, target, doing + tries);
        return error;
    }

    private static string Where(S3Target target) => target.Endpoint?.ToString() ?? target.Region;

    internal static T? Find<T>(Exception e) where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is T found) return found;
        return null;
    }
}
