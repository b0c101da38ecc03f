using System.Diagnostics;

namespace Portal.Bench;

/// <summary>A child process's peak resident memory (VmHWM), sampled until it exits.</summary>
internal static class PeakMemory
{
    public static long? Of(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { /* exited */ }
        return null;
    }

    /// <summary>CPU time (user + system) a process has used so far, from /proc/PID/stat.</summary>
    public static TimeSpan? CpuOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                        + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
        catch (IOException) { return null; }
    }

    /// <summary>Runs a process to its end; returns wall time, peak memory, CPU time (last sample) and its output.</summary>
    public static async Task<(TimeSpan Elapsed, long PeakBytes, TimeSpan Cpu, string Output, int ExitCode)> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited)
        {
            if (Of(process.Id) is { } p) peak = Math.Max(peak, p);
            if (CpuOf(process.Id) is { } c) cpu = c;
            await Task.Delay(50);
        }
        await process.WaitForExitAsync();
        clock.Stop();
        var text = await output + await error;
        return (clock.Elapsed, peak, cpu, text, process.ExitCode);
    }
}
