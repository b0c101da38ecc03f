using System.Formats.Tar;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Portal.Testbed.Containers;

/// <summary>
/// Makes the tiny images that stand for Domino's environment images: built locally <c>FROM scratch</c>
/// with a marker file (and busybox-static as <c>/bin/sh</c> when a template needs a RUN step), pushed
/// to the registry that stands for the Domino registry, then removed locally so an export really pulls.
/// </summary>
public sealed class TestImages(PodmanService podman, RegistryServer registry)
{
    private const string Busybox = "/bin/busybox";

    /// <summary>Publishes <c>{registry}/{repository}:{tag}</c> and returns that reference.</summary>
    public async Task<string> PublishAsync(string repository, string tag, bool withShell = false, string? marker = null)
    {
        var reference = $"{registry.Host}/{repository}:{tag}";
        using var docker = podman.CreateClient();
        var files = new Dictionary<string, byte[]>
        {
            ["marker.txt"] = Encoding.UTF8.GetBytes(marker ?? $"{reference} {Guid.NewGuid()}\n"),
        };
        var dockerfile = new StringBuilder("FROM scratch\nCOPY marker.txt /marker.txt\n");
        if (withShell)
        {
            files["sh"] = await File.ReadAllBytesAsync(RequireStaticBusybox());
            dockerfile.Append("COPY sh /bin/sh\n");
        }
        files["Dockerfile"] = Encoding.UTF8.GetBytes(dockerfile.ToString());

        var output = new Messages();
        await using (var context = await TarAsync(files))
            await docker.Images.BuildImageFromDockerfileAsync(new ImageBuildParameters { Tags = [reference], Remove = true }, context,
                [], new Dictionary<string, string>(), output);
        output.ThrowIfFailed($"building {reference}", podman);

        output = new Messages();
        await docker.Images.PushImageAsync($"{registry.Host}/{repository}", new ImagePushParameters { Tag = tag }, Auth(), output);
        output.ThrowIfFailed($"pushing {reference}", podman);

        await docker.Images.DeleteImageAsync(reference, new ImageDeleteParameters());
        return reference;
    }

    /// <summary>Every image podman holds locally, intermediate ones included, by tags or id (to check an export cleaned up after itself).</summary>
    public async Task<IReadOnlyList<string>> LocalImagesAsync()
    {
        using var docker = podman.CreateClient();
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters { All = true });
        return images.Select(i => i.RepoTags is { Count: > 0 } tags ? string.Join(", ", tags) : i.ID).ToList();
    }

    private AuthConfig? Auth() => registry.Options.Username is null
        ? null
        : new AuthConfig { ServerAddress = registry.Host, Username = registry.Options.Username, Password = registry.Options.Password };

    private static string RequireStaticBusybox()
    {
        if (!File.Exists(Busybox))
            throw new InvalidOperationException($"{Busybox} is missing: install the Debian package 'busybox-static' (scripts/install-prerequisites.sh)");
        // The dynamic busybox package installs the same path, but a dynamic binary cannot run in an image FROM scratch.
        var head = File.ReadAllBytes(Busybox).AsSpan(0, 4096);
        if (head.IndexOf("ld-linux"u8) >= 0 || head.IndexOf("ld-musl"u8) >= 0)
            throw new InvalidOperationException($"{Busybox} is dynamically linked: install the Debian package 'busybox-static' instead of 'busybox'");
        return Busybox;
    }

    private static async Task<MemoryStream> TarAsync(Dictionary<string, byte[]> files)
    {
        var stream = new MemoryStream();
        await using (var tar = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
            foreach (var (name, bytes) in files)
                await tar.WriteEntryAsync(new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = name == "sh" ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
                    DataStream = new MemoryStream(bytes),
                });
        stream.Position = 0;
        return stream;
    }

    private sealed class Messages : IProgress<JSONMessage>
    {
        private readonly List<string> _lines = [];
        private string? _error;

        public void Report(JSONMessage value)
        {
            lock (_lines)
            {
                if ((value.Error?.Message ?? value.ErrorMessage) is { Length: > 0 } e) _error ??= e;
                if ((value.Stream ?? value.Status) is { } line) _lines.Add(line.TrimEnd());
            }
        }

        public void ThrowIfFailed(string what, PodmanService podman)
        {
            if (_error is not null)
                throw new InvalidOperationException($"Test image setup failed {what}: {_error}\n{string.Join('\n', _lines)}\npodman log:\n{podman.LogTail()}");
        }
    }
}
