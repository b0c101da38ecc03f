using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet.Models;

namespace Portal.Testbed.Containers;

/// <summary>Pulls an image into podman and runs it once, the way a user of the exported image would.</summary>
public static class PodmanRun
{
    /// <summary>
    /// Pulls <paramref name="reference"/> (Docker API), runs its default command with no network and returns what it
    /// printed, then removes container and image. The run goes through podman's own API, which can ask for what these
    /// machines need and the Docker API cannot: cgroups enabled for this container (podman refuses runc with cgroups
    /// disabled, the service's default that builds need; crun refuses this host's hybrid cgroups), and rlimits below
    /// the host's (podman's defaults are above what a container here may set).
    /// </summary>
    public static async Task<(long ExitCode, string Output)> PullAndRunAsync(this PodmanService podman, string reference, AuthConfig? auth)
    {
        using var docker = podman.CreateClient();
        var colon = reference.LastIndexOf(':');
        var errors = new List<string>();
        await docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = reference[..colon], Tag = reference[(colon + 1)..] }, auth,
            new Progress<JSONMessage>(m => { if ((m.Error?.Message ?? m.ErrorMessage) is { Length: > 0 } e) lock (errors) errors.Add(e); }));
        try
        {
            if (errors.Count > 0) throw new InvalidOperationException($"podman could not pull {reference}: {string.Join("; ", errors)}\n{podman.LogTail()}");
            using var libpod = LibpodClient(podman);
            using var created = await libpod.PostAsJsonAsync("v4.0.0/libpod/containers/create", new
            {
                image = reference, netns = new { nsmode = "none" }, cgroups_mode = "enabled",
                r_limits = new[] { new { type = "nofile", hard = 1024, soft = 1024 }, new { type = "nproc", hard = 1024, soft = 1024 } },
            });
            var body = await created.Content.ReadAsStringAsync();
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"podman could not create a container of {reference}: {body}");
            var id = JsonDocument.Parse(body).RootElement.GetProperty("Id").GetString()!;
            try
            {
                await EnsureAsync(await libpod.PostAsync($"v4.0.0/libpod/containers/{id}/start", null), "start");
                var exit = long.Parse(await (await libpod.PostAsync($"v4.0.0/libpod/containers/{id}/wait", null)).Content.ReadAsStringAsync(),
                    System.Globalization.CultureInfo.InvariantCulture);
                using var logs = await docker.Containers.GetContainerLogsAsync(id, tty: false,
                    new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, default);
                var (stdout, stderr) = await logs.ReadOutputToEndAsync(default);
                return (exit, stdout + stderr);
            }
            finally
            {
                await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
            }
        }
        finally
        {
            await docker.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = true });
        }
    }

    private static HttpClient LibpodClient(PodmanService podman)
    {
        var socket = podman.Endpoint.LocalPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellationToken);
                return new NetworkStream(s, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://podman/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        using (response)
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"podman could not {what} the container: {await response.Content.ReadAsStringAsync()}");
    }
}
