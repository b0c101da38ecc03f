using System.Text;
using Docker.DotNet;

namespace Portal.Testbed.Containers;

/// <summary>
/// podman's Docker-compatible API (<c>podman system service</c>) on a unix socket in a temp folder,
/// with its own configuration, storage and credentials: nothing in /etc or the machine's podman
/// storage is read or changed, so it runs the same on a fresh CI machine. Settings that make builds
/// work in a container without systemd: vfs storage, cgroups disabled, cgroupfs, runc, file events.
/// </summary>
public sealed class PodmanService : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly string _directory;

    private PodmanService(ServiceProcess process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>The Docker endpoint to configure Docker.DotNet with.</summary>
    public Uri Endpoint => new($"unix://{Path.Combine(_directory, "podman.sock")}");

    /// <summary>
    /// Starts the service. podman reads registries.conf once at start, so every plain-HTTP registry a
    /// test will use must be listed here (as <c>host:port</c>).
    /// </summary>
    public static async Task<PodmanService> StartAsync(IEnumerable<string> insecureRegistries)
    {
        var podman = ServiceProcess.Require("podman", "podman");
        ServiceProcess.Require("runc", "runc");
        // Unix socket paths are limited to 108 bytes: stay in /tmp whatever TMPDIR says.
        var directory = Directory.CreateDirectory(Path.Combine("/tmp", "portal-podman-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        try
        {
            var environment = await WriteConfigurationAsync(directory, insecureRegistries);
            var socket = Path.Combine(directory, "podman.sock");
            var process = ServiceProcess.Start(podman,
            [
                "--root", Path.Combine(directory, "storage"),
                "--runroot", Path.Combine(directory, "run"),
                "--storage-driver", "vfs",
                "--tmpdir", Path.Combine(directory, "libpod-tmp"),
                "--cgroup-manager", "cgroupfs",
                "--events-backend", "file",
                "system", "service", "--time=0", $"unix://{socket}",
            ], Path.Combine(directory, "podman.log"), environment);
            var service = new PodmanService(process, directory);
            using var client = service.CreateClient();
            await process.WaitUntilAsync("podman system service", async () =>
            {
                if (!File.Exists(socket)) return false;
                await client.System.PingAsync();
                return true;
            }, TimeSpan.FromSeconds(30));
            return service;
        }
        catch
        {
            RegistryServer.TryDelete(directory);
            throw;
        }
    }

    public DockerClient CreateClient() => new DockerClientConfiguration(Endpoint).CreateClient();

    public string LogTail(int lines = 40) => _process.LogTail(lines);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        RegistryServer.TryDelete(_directory);
    }

    private static async Task<Dictionary<string, string?>> WriteConfigurationAsync(string directory, IEnumerable<string> insecureRegistries)
    {
        var home = Directory.CreateDirectory(Path.Combine(directory, "home")).FullName;
        var configHome = Directory.CreateDirectory(Path.Combine(home, ".config", "containers")).FullName;
        var tmp = Directory.CreateDirectory(Path.Combine(directory, "tmp")).FullName;

        var containersConf = Path.Combine(directory, "containers.conf");
        await File.WriteAllTextAsync(containersConf, $"""
            [containers]
            cgroups = "disabled"

            [engine]
            cgroup_manager = "cgroupfs"
            runtime = "runc"
            events_logger = "file"
            tmp_dir = "{Path.Combine(directory, "libpod-tmp")}"

            """);

        var registries = new StringBuilder("unqualified-search-registries = []\n");
        foreach (var registry in insecureRegistries)
            registries.Append("\n[[registry]]\nlocation = \"").Append(registry).Append("\"\ninsecure = true\n");
        var registriesConf = Path.Combine(directory, "registries.conf");
        await File.WriteAllTextAsync(registriesConf, registries.ToString());

        var storageConf = Path.Combine(directory, "storage.conf");
        await File.WriteAllTextAsync(storageConf, $"""
            [storage]
            driver = "vfs"
            graphroot = "{Path.Combine(directory, "storage")}"
            runroot = "{Path.Combine(directory, "run")}"

            """);

        // containers/image reads $HOME/.config/containers/policy.json before /etc: accept any image, as tests push unsigned ones.
        await File.WriteAllTextAsync(Path.Combine(configHome, "policy.json"),
            """{ "default": [ { "type": "insecureAcceptAnything" } ] }""");

        var noProxy = string.Join(',', new[] { Environment.GetEnvironmentVariable("NO_PROXY"), "localhost", "127.0.0.1" }
            .Where(v => !string.IsNullOrEmpty(v)));
        return new Dictionary<string, string?>
        {
            ["CONTAINERS_CONF"] = containersConf,
            ["CONTAINERS_REGISTRIES_CONF"] = registriesConf,
            ["CONTAINERS_STORAGE_CONF"] = storageConf,
            ["REGISTRY_AUTH_FILE"] = Path.Combine(directory, "auth.json"),
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(directory, "xdg-run")).FullName,
            ["TMPDIR"] = tmp,
            ["NO_PROXY"] = noProxy,
            ["no_proxy"] = noProxy,
        };
    }
}
