using System.Diagnostics;
using System.Globalization;

namespace Portal.Bench;

/// <summary>
/// Option <c>http=1</c>: every HTTP request the engine process sends (Domino and S3), with the milliseconds from the
/// start of the export to its start and to its answer's headers, printed to standard error at the end.
/// </summary>
internal sealed class HttpTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Stopwatch _clock;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<HttpRequestMessage, double> _started = new();

    public HttpTrace(Stopwatch clock)
    {
        _clock = clock;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener") lock (_subscriptions) _subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var request = value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) as HttpRequestMessage;
        if (request is null) return;
        var now = _clock.Elapsed.TotalMilliseconds;
        if (value.Key == "System.Net.Http.HttpRequestOut.Start") _started[request] = now;
        else if (value.Key == "System.Net.Http.HttpRequestOut.Stop" && _started.TryRemove(request, out var started))
        {
            var uri = request.RequestUri;
            _lines.Enqueue(string.Create(CultureInfo.InvariantCulture,
                $"  {started,8:F1} ms → {now,8:F1} ms  {request.Method} {uri?.Host}:{uri?.Port}{uri?.PathAndQuery[..Math.Min(uri.PathAndQuery.Length, 90)]}"));
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public override string ToString() => "http requests (start → headers):\n" + string.Join('\n', _lines.OrderBy(l => l, StringComparer.Ordinal));

    public void Dispose()
    {
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
