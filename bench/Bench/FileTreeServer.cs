using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Testbed.Domino;

namespace Portal.Bench;

/// <summary>
/// The same files the Domino double serves, as a plain HTTP directory tree (HTML index pages, GET and
/// HEAD with Content-Length): the source rclone's http backend reads. Content is generated on the fly
/// by the same generator and served with the same 64 KiB writes as the double, so both tools read
/// an identical source.
/// </summary>
internal sealed class FileTreeServer : IAsyncDisposable
{
    private static readonly DateTimeOffset Modified = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _app;
    private readonly Dictionary<string, TestFile> _files;
    private readonly Dictionary<string, SortedSet<string>> _children = new(StringComparer.Ordinal);

    private FileTreeServer(WebApplication app, IEnumerable<TestFile> files)
    {
        _app = app;
        _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var path in _files.Keys)
        {
            var parts = path.Split('/');
            for (var i = 0; i < parts.Length; i++)
            {
                var dir = string.Join('/', parts[..i]);
                var child = parts[i] + (i < parts.Length - 1 ? "/" : "");
                if (!_children.TryGetValue(dir, out var set)) _children[dir] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(child);
            }
        }
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<FileTreeServer> StartAsync(IEnumerable<TestFile> files)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FileTreeServer(app, files);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/").TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/'))
        {
            if (!_children.TryGetValue(path.TrimEnd('/'), out var children)) { context.Response.StatusCode = 404; return; }
            var html = new StringBuilder("<html><body>\n");
            foreach (var c in children)
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Uri.EscapeDataString(c.TrimEnd('/'))}{(c.EndsWith('/') ? "/" : "")}\">{WebUtility.HtmlEncode(c)}</a>\n");
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(html.Append("</body></html>").ToString());
            return;
        }
        if (!_files.TryGetValue(path, out var file)) { context.Response.StatusCode = 404; return; }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Content.Length;
        context.Response.Headers.LastModified = Modified.ToString("R", CultureInfo.InvariantCulture);
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await using var content = file.Content.Open();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, context.RequestAborted)) > 0)
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
