using System.Net;
using Portal.Domain.Runs;

namespace Portal.Domain.S3;

/// <summary>The request did not answer in time or stopped moving bytes; S3Store retries it.</summary>
public sealed class S3TimeoutException(string message) : TimeoutException(message);

/// <summary>
/// The S3 client's HTTP pipeline: the lease gate for writes, the request timeout and the stall detector.
/// It sits below the SDK, so every attempt the SDK makes passes through it.
/// </summary>
internal sealed class S3RequestHandler(S3RequestPolicy policy, TimeProvider time, HttpMessageHandler? inner = null)
    : DelegatingHandler(inner ?? Primary(policy))
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var gated = IsWrite(request);
        if (gated && !policy.Lease.IsHeld) throw LeaseExpired();
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token, stall.Token);
        deadline.CancelAfter(policy.RequestTimeout);
        // Completing a multipart upload, the store may join the parts before it answers: AWS keeps the connection alive
        // meanwhile, some S3-compatible stores stay silent for as long as the join takes. That wait is bounded by the
        // request timeout (which a slow store's operator can raise), not cut short by the stall detector.
        var completing = IsCompletion(request);
        void Moved()
        {
            if (!completing) stall.CancelAfter(policy.StallTimeout);
        }
        Moved();
        // The SDK asks for 100-continue on every upload: a round trip before the body. Like the Go SDK, only a large
        // body waits for the server's go-ahead; a small one costs less to send than to ask about.
        if (request.Content?.Headers.ContentLength is < ExpectContinueFrom) request.Headers.ExpectContinue = false;
        if (request.Content is { } content)
            request.Content = new WatchedContent(content, Moved, gated ? policy.Lease : null);
        try
        {
            return await base.SendAsync(request, linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (deadline.IsCancellationRequested || stall.IsCancellationRequested)
                                  && e is OperationCanceledException or HttpRequestException or IOException)
        {
            throw new S3TimeoutException(stall.IsCancellationRequested && !deadline.IsCancellationRequested
                ? $"no byte moved for {policy.StallTimeout.TotalSeconds:0.#} s (Exports:StallTimeout)"
                : $"no answer within {policy.RequestTimeout.TotalSeconds:0.#} s (Exports:S3RequestTimeout)");
        }
    }

    internal const long ExpectContinueFrom = 2 * 1024 * 1024;

    internal static RunLeaseException LeaseExpired() =>
        new("The run's claim on the export was not confirmed in time, so it stopped writing to S3", lost: false);

    /// <summary>CompleteMultipartUpload: a POST to the upload (starting one is a POST to <c>?uploads</c>).</summary>
    private static bool IsCompletion(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri?.Query.Contains("uploadId=", StringComparison.Ordinal) == true;

    /// <summary>Anything that changes the bucket; aborting an upload only ever removes this run's own parts.</summary>
    private static bool IsWrite(HttpRequestMessage request) =>
        request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
        && !(request.Method == HttpMethod.Delete && request.RequestUri?.Query.Contains("uploadId=", StringComparison.Ordinal) == true);

    private static SocketsHttpHandler Primary(S3RequestPolicy policy) => new()
    {
        ConnectTimeout = policy.RequestTimeout < TimeSpan.FromSeconds(10) ? policy.RequestTimeout : TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
    };
}

/// <summary>Builds the SDK's HttpClient on <see cref="S3RequestHandler"/>; one per S3 client, disposed with it.</summary>
internal sealed class S3HttpClientFactory(S3RequestPolicy policy, TimeProvider time) : Amazon.Runtime.HttpClientFactory
{
    public override HttpClient CreateHttpClient(Amazon.Runtime.IClientConfig clientConfig) =>
        new(new S3RequestHandler(policy, time)) { Timeout = Timeout.InfiniteTimeSpan };

    public override bool UseSDKHttpClientCaching(Amazon.Runtime.IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(Amazon.Runtime.IClientConfig clientConfig) => false;

    // Null: cached per SDK client, so each run's lease stays with its own client.
    public override string? GetConfigUniqueString(Amazon.Runtime.IClientConfig clientConfig) => null;
}
