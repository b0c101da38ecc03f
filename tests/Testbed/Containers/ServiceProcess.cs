using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Testbed.Containers;

/// <summary>
/// A real service binary started for a test: its output goes to a log file, whose last lines end up in
/// the exception when it fails to start, and it is killed (with its children) on dispose.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly LogFile _log;

    private ServiceProcess(Process process, LogFile log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The full path of a binary on PATH, or a loud failure naming the package to install.</summary>
    public static string Require(string binary, string package)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                     .Concat(["/usr/sbin", "/sbin", "/usr/bin"]))
        {
            var path = Path.Combine(dir, binary);
            if (File.Exists(path)) return path;
        }
        throw new InvalidOperationException(
            $"'{binary}' was not found: install the Debian package '{package}' (scripts/install-prerequisites.sh installs every test prerequisite)");
    }

    public static ServiceProcess Start(string binary, IEnumerable<string> arguments, string logPath,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            info.Environment[key] = value;

        var log = new LogFile(logPath);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, log, logPath);
    }

    /// <summary>Runs a short command to completion and returns its standard output; fails with its error output.</summary>
    public static async Task<string> RunAsync(string binary, params string[] arguments)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(binary)} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    public string LogTail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(no log: {e.Message})";
        }
    }

    /// <summary>Waits until <paramref name="ready"/> says yes; fails with the log if the process dies or time runs out.</summary>
    public async Task WaitUntilAsync(string what, Func<Task<bool>> ready, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{what} exited with code {_process.ExitCode} while starting. Its log ({LogPath}):\n{LogTail()}");
            try
            {
                if (await ready()) return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or SocketException or TaskCanceledException)
            {
                // not up yet
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} did not become ready within {timeout.TotalSeconds:0} s. Its log ({LogPath}):\n{LogTail()}");
            await Task.Delay(50);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // already gone, or stuck: nothing more a test can do
        }
        _process.Dispose();
        _log.Close();
    }

    /// <summary>Output lines can still arrive while the process is being killed; they are dropped once the log is closed.</summary>
    private sealed class LogFile(string path)
    {
        private readonly StreamWriter _writer = new(path, append: false) { AutoFlush = true };
        private bool _closed;

        public void Write(string? line)
        {
            if (line is null) return;
            lock (_writer)
                if (!_closed) _writer.WriteLine(line);
        }

        public void Close()
        {
            lock (_writer)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
