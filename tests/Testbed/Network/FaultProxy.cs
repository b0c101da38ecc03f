using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Testbed.Network;

/// <summary>
/// A loopback TCP proxy in front of a real server (the S3 server) that fails the way networks do, on request: it stalls
/// HTTP requests (takes the request line, then moves no byte either way), refuses connections (nothing listens), resets
/// the open ones, or holds a request until the test has done something. Everything else passes through untouched.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Connection, bool> _connections = new();
    private readonly ConcurrentQueue<Rule> _rules = new();
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
    private TcpListener? _listener;
    private int _stalled;

    private FaultProxy(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>The requests seen so far, in order ("PUT /bucket/key?partNumber=2&amp;uploadId=…").</summary>
    public IReadOnlyCollection<ProxiedRequest> Requests => _requests;

    /// <summary>Requests stalled so far.</summary>
    public int Stalled => Volatile.Read(ref _stalled);

    public static FaultProxy Start(Uri target)
    {
        var proxy = new FaultProxy(new IPEndPoint(IPAddress.Loopback, target.Port), Processes.FreePort.Next());
        proxy.Listen();
        return proxy;
    }

    /// <summary>The next <paramref name="times"/> requests whose request line matches are stalled: no byte moves on their connection again.</summary>
    public void Stall(Func<string, bool> requestLine, int times = 1) => _rules.Enqueue(new Rule(requestLine, times, null));

    /// <summary>The next <paramref name="times"/> matching requests wait for <paramref name="hook"/> before they go on.</summary>
    public void Hold(Func<string, bool> requestLine, Func<Task> hook, int times = 1) => _rules.Enqueue(new Rule(requestLine, times, hook));

    /// <summary>Stops listening (new connections are refused) and resets the open ones, as a server that went down.</summary>
    public void Refuse()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys) connection.Reset();
    }

    /// <summary>Listens again on the same port.</summary>
    public void Accept()
    {
        if (_listener is null) Listen();
    }

    private void Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }
            var connection = new Connection(this, client);
            _connections[connection] = true;
            _ = connection.RunAsync().ContinueWith(t => _connections.TryRemove(connection, out _), TaskScheduler.Default);
        }
    }

    private Rule? Match(string requestLine)
    {
        foreach (var rule in _rules)
            if (rule.RequestLine(requestLine) && rule.TryUse())
                return rule;
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        foreach (var connection in _connections.Keys) connection.Reset();
        _stop.Dispose();
    }

    private sealed class Rule(Func<string, bool> requestLine, int times, Func<Task>? hook)
    {
        private int _left = times;
        public Func<string, bool> RequestLine { get; } = requestLine;
        public Func<Task>? Hook { get; } = hook;
        public bool TryUse() => Interlocked.Decrement(ref _left) >= 0;
    }

    /// <summary>A request line and when the proxy saw it (<see cref="System.Diagnostics.Stopwatch"/> time).</summary>
    public sealed record ProxiedRequest(TimeSpan At, string Line)
    {
        public bool Writes => !Line.StartsWith("GET ", StringComparison.Ordinal) && !Line.StartsWith("HEAD ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(GET|PUT|POST|DELETE|HEAD) (\S+) HTTP/1\.1\r\n")]
    private static partial Regex RequestLineRegex();
}
