namespace Portal.Testbed.Processes;

/// <summary>
/// The built portal (src/Portal/bin/{Configuration}) running as a real process on 127.0.0.1 with a
/// free port and a fresh data folder, as <c>dotnet run --project src/Portal</c> would run it.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> environment;
    private ChildProcess process;
    private string earlierLog = "";

    private PortalProcess(ChildProcess process, Uri baseAddress, string dataPath, Dictionary<string, string?> environment)
    {
        this.process = process;
        this.environment = environment;
        BaseAddress = baseAddress;
        DataPath = dataPath;
    }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    /// <summary>Everything the portal wrote to stdout and stderr so far.</summary>
    public string Log => earlierLog + process.Output;

    /// <param name="settings">Configuration keys (<c>Portal:AdminEmail</c>) and values, passed as environment variables.</param>
    /// <param name="port">A port chosen beforehand (<see cref="FreePort"/>), when something must know the address first (an OpenID provider's redirect URIs).</param>
    /// <summary>The setting that gives a test portal the default interactivity, Auto (server first, then WebAssembly).</summary>
    public static KeyValuePair<string, string?> Auto => new("Portal:Interactivity", "Auto");

    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan? startTimeout = null, int? port = null)
    {
        var binaries = RepositoryPaths.PortalBinaries;
        var dll = Path.Combine(binaries, "Portal.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the portal first: {dll} is missing.", dll);
        }

        var dataPath = Directory.CreateTempSubdirectory("portal-data-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort.Next()}");
        var environment = new Dictionary<string, string?>
        {
            // Production, as the README's run command and a deployment serve it: fingerprinted files cached for a year,
            // so each browser downloads the WebAssembly runtime once (Development answers every file "no-cache").
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["Portal__DataPath"] = dataPath,
            ["Portal__SecretsPath"] = Path.Combine(dataPath, "no-secrets"),
            ["Logging__LogLevel__Default"] = "Information",
            // Pages run on the server unless a test asks for Auto (what a deployment gets by default): in Auto, every full page
            // load boots the WebAssembly runtime once the browser has it, which costs headless Chromium 4-7 s of CPU on this
            // machine, and the suite's tests load hundreds of pages. The tests of the WebAssembly pages and of the content
            // security policy set "Portal:Interactivity" = "Auto" (PortalProcess.Auto).
            ["Portal__Interactivity"] = "Server",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = ChildProcess.Start("dotnet", [dll], workingDirectory: binaries, environment: environment);
        var portal = new PortalProcess(process, baseAddress, dataPath, environment);
        try
        {
            await portal.WaitUntilLiveAsync(startTimeout ?? TimeSpan.FromSeconds(120));
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Kills the portal hard (SIGKILL), mid-work: it records nothing more, as if its machine died.</summary>
    public Task KillAsync() => process.KillAsync();

    /// <summary>Freezes the portal (SIGSTOP), as a paused VM or a long GC would: its sockets stay open, it does nothing.</summary>
    public void Freeze() => process.Signal(ChildProcess.SigStop);

    /// <summary>Lets a frozen portal go on (SIGCONT) where it stopped.</summary>
    public void Resume() => process.Signal(ChildProcess.SigCont);

    private async Task WaitUntilLiveAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited during start-up:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The portal did not answer /health/live within {timeout}:\n{Log}");
    }

    /// <summary>Starts the portal again after it ended (or was killed): same address and data folder, the same settings but <paramref name="changedSettings"/>.</summary>
    public async Task RestartAsync(TimeSpan? startTimeout = null, IReadOnlyDictionary<string, string?>? changedSettings = null)
    {
        if (!process.HasExited)
        {
            throw new InvalidOperationException("The portal is still running: kill it first.");
        }
        foreach (var (key, value) in changedSettings ?? new Dictionary<string, string?>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        earlierLog = Log + "----- restart -----\n";
        await process.DisposeAsync();
        process = ChildProcess.Start("dotnet", [Path.Combine(RepositoryPaths.PortalBinaries, "Portal.dll")],
            workingDirectory: RepositoryPaths.PortalBinaries, environment: environment);
        await WaitUntilLiveAsync(startTimeout ?? TimeSpan.FromSeconds(120));
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        // Kept beside the test binaries for a failing run: logs/portal-{port}.log.
        var logs = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(logs, $"portal-{BaseAddress.Port}.log"), Log);
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
