using System.Diagnostics;

namespace Portal.Bench;

/// <summary>What several benchmarks share.</summary>
internal static class Bench
{
    /// <summary>The first line a baseline tool prints about its version, or a loud failure naming the install script.</summary>
    public static async Task<string> ToolVersionAsync(string tool, string argument)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(tool, argument) { RedirectStandardOutput = true })!;
            var line = await p.StandardOutput.ReadLineAsync() ?? "?";
            await p.WaitForExitAsync();
            return line;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} is not installed: run scripts/install-prerequisites.sh");
        }
    }
}
