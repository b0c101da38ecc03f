using System.Net;
using System.Text.Json;
using Portal.Testbed.Processes;

namespace Portal.Tests.Integration.Notifications;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records what is posted to it.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener listener = new();

    public WebhookListener()
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/hooks/signup/";
        listener.Prefixes.Add(Url);
        listener.Start();
    }

    public string Url { get; }

    public async Task<(string ContentType, JsonElement Body)> ReceiveAsync(TimeSpan timeout, HttpStatusCode answer = HttpStatusCode.OK)
    {
        var context = await listener.GetContextAsync().WaitAsync(timeout);
        using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
        var contentType = context.Request.ContentType ?? "";
        context.Response.StatusCode = (int)answer;
        context.Response.Close();
        return (contentType, body.RootElement.Clone());
    }

    public void Dispose() => listener.Close();
}
