using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Testbed.Containers;

namespace Portal.Testbed.Registries;

/// <summary>Something the proxy does to one request instead of (or while) passing it on.</summary>
public abstract record ProxyFault
{
    private ProxyFault() { }

    /// <summary>Answer with this status (and Retry-After) without asking the registry.</summary>
    public sealed record Status(int Code, TimeSpan? RetryAfter = null) : ProxyFault;

    /// <summary>Pass the answer on with one byte of its body flipped at <paramref name="Offset"/>.</summary>
    public sealed record CorruptBody(long Offset) : ProxyFault;

    /// <summary>Pass <paramref name="Bytes"/> bytes of the answer's body on, then drop the connection.</summary>
    public sealed record CutResponse(long Bytes) : ProxyFault;

    /// <summary>Read <paramref name="Bytes"/> bytes of the request's body, then drop the connection (the registry never sees the request).</summary>
    public sealed record CutRequest(long Bytes) : ProxyFault;
}

/// <summary>A request that went through the proxy, and what it was answered (0: the connection was dropped); recorded when it ends.</summary>
public sealed record ProxiedRequest(string Method, string Path, string Query, string? Range, int Status);

/// <summary>
/// A reverse proxy in front of a real registry, on 127.0.0.1, that passes everything on (the Host header
/// too, so the registry's Location headers point back at the proxy) unless <see cref="Faults"/> says
/// otherwise: a status instead of the answer, a corrupted or cut-off body, a dropped upload. It records
/// every request, so a test can say what a client did.
/// </summary>
public sealed class RegistryProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Expect", "Host",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();

    private RegistryProxy(WebApplication app, RegistryServer registry)
    {
        _app = app;
        Registry = registry;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{registry.Port}/"), Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public RegistryServer Registry { get; }

    public int Port { get; private set; }

    /// <summary>The name images use through the proxy (localhost, as for the registries themselves).</summary>
    public string Host => $"localhost:{Port}";

    /// <summary>Decides, per request, whether something goes wrong with it (null: pass it on).</summary>
    public Func<HttpRequest, ProxyFault?> Faults { get; set; } = _ => null;

    public IReadOnlyCollection<ProxiedRequest> Requests => _requests;

    public static async Task<RegistryProxy> StartAsync(RegistryServer registry)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var proxy = new RegistryProxy(app, registry);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Port = new Uri(address).Port;
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        var fault = Faults(request);
        var range = request.Headers.Range.ToString() is { Length: > 0 } r ? r : null;
        void Record(int status) => _requests.Enqueue(new ProxiedRequest(request.Method, request.Path, request.QueryString.Value ?? "", range, status));

        if (fault is ProxyFault.Status status)
        {
            Record(status.Code);
            context.Response.StatusCode = status.Code;
            if (status.RetryAfter is { } wait) context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }
        if (fault is ProxyFault.CutRequest cut)
        {
            Record(0);
            var buffer = new byte[64 * 1024];
            for (long read = 0; read < cut.Bytes;)
            {
                var n = await request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cut.Bytes - read)));
                if (n == 0) break;
                read += n;
            }
            context.Abort();
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) forward.Content = new StreamContent(request.Body);
        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
                forward.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        forward.Headers.Host = request.Host.Value;
        using var answer = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
            if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
        if (request.Method == HttpMethods.Head)
        {
            Record((int)answer.StatusCode);
            return;
        }

        await using var body = await answer.Content.ReadAsStreamAsync(context.RequestAborted);
        var chunk = new byte[64 * 1024];
        long position = 0;
        while (true)
        {
            var n = await body.ReadAsync(chunk, context.RequestAborted);
            if (n == 0) break;
            if (fault is ProxyFault.CorruptBody corrupt && corrupt.Offset >= position && corrupt.Offset < position + n)
                chunk[corrupt.Offset - position] ^= 0xFF;
            if (fault is ProxyFault.CutResponse cutResponse && position + n >= cutResponse.Bytes)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)(cutResponse.Bytes - position)));
                await context.Response.Body.FlushAsync();
                // Let the client read what was sent: a reset drops data it has not read yet, headers included.
                await Task.Delay(200);
                context.Abort();
                Record(0);
                return;
            }
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, n));
            position += n;
        }
        Record((int)answer.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
