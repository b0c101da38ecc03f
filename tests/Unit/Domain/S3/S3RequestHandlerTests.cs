using System.Net;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Runs;
using Portal.Domain.S3;

namespace Portal.Tests.Unit.Domain.S3;

/// <summary>The S3 client's HTTP pipeline: the lease gate on writes, and the request and stall timeouts.</summary>
public sealed class S3RequestHandlerTests
{
    private static readonly Uri Object = new("http://s3.test/bucket/key");

    [Fact]
    public async Task A_write_is_not_sent_once_the_lease_ran_out_but_reads_and_aborting_an_upload_are()
    {
        var lease = new TestLease { Held = false };
        var server = new RecordingServer();
        using var http = new HttpClient(new S3RequestHandler(Policy(lease), TimeProvider.System, server));

        await Assert.ThrowsAsync<RunLeaseException>(() => http.PutAsync(Object, new ByteArrayContent(new byte[10])));
        await Assert.ThrowsAsync<RunLeaseException>(() => http.PostAsync(new Uri(Object, "?uploadId=u1"), new StringContent("<Complete/>")));
        await Assert.ThrowsAsync<RunLeaseException>(() => http.DeleteAsync(Object));
        await http.GetAsync(Object);
        await http.DeleteAsync(new Uri(Object, "?uploadId=u1"));

        Assert.Equal(["GET", "DELETE"], server.Methods);
    }

    [Fact]
    public async Task A_body_stops_at_the_next_chunk_once_the_lease_runs_out_mid_request()
    {
        var lease = new TestLease();
        var server = new RecordingServer(readBody: true, onBytes: total => { if (total >= 200_000) lease.Held = false; });
        using var http = new HttpClient(new S3RequestHandler(Policy(lease), TimeProvider.System, server));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => http.PutAsync(Object, new ByteArrayContent(new byte[1_000_000])));

        Assert.NotNull(FindLease(error));
        Assert.InRange(server.BodyBytes, 200_000, 200_000 + 64 * 1024);
    }

    [Fact]
    public async Task A_request_that_moves_no_byte_for_the_stall_timeout_fails_as_stalled()
    {
        using var http = Hanging(Policy(new TestLease()), out var time, out var server);

        var sending = http.GetAsync(Object);
        await server.Arrived.Task;
        time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<S3TimeoutException>(() => sending);

        Assert.Contains("no byte moved for 5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_does_not_answer_within_the_request_timeout_fails_even_while_bytes_move()
    {
        using var http = Hanging(new S3RequestPolicy(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), new TestLease()), out var time, out var server);

        var sending = http.GetAsync(Object);
        await server.Arrived.Task;
        time.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<S3TimeoutException>(() => sending);

        Assert.Contains("no answer within 3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_a_multipart_upload_waits_for_the_store_to_join_the_parts_until_the_request_timeout()
    {
        using var http = Hanging(Policy(new TestLease()), out var time, out var server);

        var completing = http.PostAsync(new Uri(Object, "?uploadId=u1"), new StringContent("<CompleteMultipartUpload/>"));
        await server.Arrived.Task;
        time.Advance(TimeSpan.FromSeconds(20)); // four stall timeouts without a byte: the store is still joining
        await Task.Delay(100);
        Assert.False(completing.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<S3TimeoutException>(() => completing);

        Assert.Contains("no answer within 30 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_multipart_upload_is_still_watched_for_stalls()
    {
        using var http = Hanging(Policy(new TestLease()), out var time, out var server);

        var starting = http.PostAsync(new Uri(Object, "?uploads"), new ByteArrayContent([]));
        await server.Arrived.Task;
        time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<S3TimeoutException>(() => starting);

        Assert.Contains("no byte moved for 5 s", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A client under <paramref name="policy"/> whose server never answers, on a clock the test moves.</summary>
    private static HttpClient Hanging(S3RequestPolicy policy, out FakeTimeProvider time, out RecordingServer server)
    {
        time = new FakeTimeProvider();
        server = new RecordingServer(hang: true);
        return new HttpClient(new S3RequestHandler(policy, time, server)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static S3RequestPolicy Policy(IRunLease lease) => new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), lease);

    private static RunLeaseException? FindLease(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is RunLeaseException lease) return lease;
        return null;
    }

    /// <summary>Stands for the network: records what reached it, reads bodies in small pieces, or never answers.</summary>
    private sealed class RecordingServer(bool readBody = false, Action<long>? onBytes = null, bool hang = false) : HttpMessageHandler
    {
        public List<string> Methods { get; } = [];
        public long BodyBytes { get; private set; }
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Methods.Add(request.Method.Method);
            Arrived.TrySetResult();
            if (hang) await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            if (readBody && request.Content is { } content)
                await content.CopyToAsync(new CountingSink(this), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        private void Received(int count)
        {
            BodyBytes += count;
            onBytes?.Invoke(BodyBytes);
        }

        private sealed class CountingSink(RecordingServer server) : MemoryStream
        {
            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                server.Received(buffer.Length);
                return ValueTask.CompletedTask;
            }
        }
    }
}
