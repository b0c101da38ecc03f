using System.Collections.Specialized;
using System.Net;
using System.Text.Json;
using Portal.Testbed.Processes;

namespace Portal.Tests.Integration.Notifications;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records what is posted to it.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener listener = new();

    /// <param name="port">A port chosen before (a receiver that comes up late); none: a free one.</param>
    public WebhookListener(int? port = null, string path = "/hooks/signup/")
    {
        Url = $"http://127.0.0.1:{port ?? FreePort.Next()}{path}";
        listener.Prefixes.Add(Url);
        listener.Start();
    }

    public string Url { get; }

    public async Task<(string ContentType, JsonElement Body)> ReceiveAsync(TimeSpan timeout, HttpStatusCode answer = HttpStatusCode.OK)
    {
        var request = await ReceiveRequestAsync(timeout, answer);
        using var body = JsonDocument.Parse(request.Body);
        return (request.ContentType, body.RootElement.Clone());
    }

    /// <summary>The next request as it arrived: its headers and the exact bytes of its body (what a signature covers).</summary>
    public async Task<ReceivedRequest> ReceiveRequestAsync(TimeSpan timeout, HttpStatusCode answer = HttpStatusCode.OK)
    {
        var context = await listener.GetContextAsync().WaitAsync(timeout);
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var received = new ReceivedRequest(context.Request.HttpMethod, context.Request.ContentType ?? "", context.Request.Headers, buffer.ToArray());
        context.Response.StatusCode = (int)answer;
        context.Response.Close();
        return received;
    }

    public void Dispose() => listener.Close();
}

internal sealed record ReceivedRequest(string Method, string ContentType, NameValueCollection Headers, byte[] Body)
{
    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
}
