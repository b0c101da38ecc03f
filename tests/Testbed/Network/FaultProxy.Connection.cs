using System.Net.Sockets;
using System.Text;

namespace Portal.Testbed.Network;

public sealed partial class FaultProxy
{
    private static readonly long Started = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>One client connection and its own connection to the server.</summary>
    private sealed class Connection(FaultProxy proxy, Socket client)
    {
        private readonly Socket _server = new(SocketType.Stream, ProtocolType.Tcp);
        private readonly CancellationTokenSource _done = new();
        private volatile bool _stalled;

        public async Task RunAsync()
        {
            try
            {
                await _server.ConnectAsync(proxy._target, _done.Token);
                await Task.WhenAny(PumpAsync(client, _server, inspect: true), PumpAsync(_server, client, inspect: false));
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                if (_stalled) await WaitUntilClosedAsync();
                Reset();
            }
        }

        private async Task PumpAsync(Socket from, Socket to, bool inspect)
        {
            var buffer = new byte[64 * 1024];
            while (!_stalled)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _done.Token);
                if (read == 0) return;
                if (inspect && await InspectAsync(Encoding.Latin1.GetString(buffer, 0, read))) return;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _done.Token);
            }
        }

        /// <summary>True when this chunk starts a stalled request: it is not forwarded, and nothing after it.</summary>
        private async Task<bool> InspectAsync(string chunk)
        {
            foreach (System.Text.RegularExpressions.Match m in RequestLineRegex().Matches(chunk))
            {
                var line = $"{m.Groups[1].Value} {m.Groups[2].Value}";
                proxy._requests.Enqueue(new ProxiedRequest(System.Diagnostics.Stopwatch.GetElapsedTime(Started), line));
                if (proxy.Match(line) is not { } rule) continue;
                if (rule.Hook is { } hook)
                {
                    await hook();
                    continue;
                }
                Interlocked.Increment(ref proxy._stalled);
                _stalled = true;
                return true;
            }
            return false;
        }

        /// <summary>A stalled connection stays open, silent, until its client gives up on it.</summary>
        private async Task WaitUntilClosedAsync()
        {
            var until = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < until && !proxy._stop.IsCancellationRequested)
            {
                try
                {
                    if (client.Poll(0, SelectMode.SelectError) || (client.Poll(0, SelectMode.SelectRead) && client.Available == 0)) return;
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
                await Task.Delay(100);
            }
        }

        /// <summary>Both sides closed at once, with a reset (linger 0), as a crashed peer would.</summary>
        public void Reset()
        {
            _done.Cancel();
            foreach (var socket in new[] { client, _server })
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                }
            }
        }
    }
}
