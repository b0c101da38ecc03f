using Portal.Testbed.Processes;

namespace Portal.Tests.E2E.QuickStart;

/// <summary>
/// The portal started with the README's run command, <c>dotnet run --project src/Portal</c> (its default launch profile),
/// with nothing configured but a fresh data folder. <c>--no-build</c> and the tests' configuration reuse the build the
/// test run already made; <c>--urls</c> picks a free port instead of 5121.
/// </summary>
public sealed class QuickStartPortal : IAsyncDisposable
{
    private readonly ChildProcess process;

    private QuickStartPortal(ChildProcess process, Uri baseAddress, string dataPath)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataPath = dataPath;
    }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    public string Log => process.Output;

    public static async Task<QuickStartPortal> StartAsync()
    {
        var dataPath = Directory.CreateTempSubdirectory("portal-quickstart-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var process = ChildProcess.Start("dotnet",
            ["run", "--project", "src/Portal", "--configuration", RepositoryPaths.Configuration, "--no-build", "--", "--urls", baseAddress.ToString().TrimEnd('/')],
            workingDirectory: RepositoryPaths.Root,
            environment: new Dictionary<string, string?>
            {
                // Whatever the test runner's environment says, the launch profile decides, as on a developer's machine.
                ["ASPNETCORE_ENVIRONMENT"] = null,
                ["DOTNET_ENVIRONMENT"] = null,
                ["Portal__DataPath"] = dataPath,
                ["Portal__SecretsPath"] = Path.Combine(dataPath, "no-secrets"),
            });
        var portal = new QuickStartPortal(process, baseAddress, dataPath);
        try
        {
            await portal.WaitUntilAsync(log => log.Contains("Application started", StringComparison.Ordinal), "the portal to start");
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits (up to two minutes: the machine is shared) until the console output satisfies <paramref name="condition"/>.</summary>
    public async Task WaitUntilAsync(Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition(Log))
        {
            if (process.HasExited) throw new InvalidOperationException($"The portal exited while waiting for {what}:\n{Log}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 2 min for {what}:\n{Log}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        var logs = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(logs, $"quickstart-{BaseAddress.Port}.log"), Log);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is the OS's to clean.
        }
    }
}
