using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portal.Testbed.Containers;

/// <summary>How a test registry behaves.</summary>
/// <param name="Username">With <paramref name="Password"/>: the registry requires this htpasswd login.</param>
/// <param name="ReadOnly">The registry serves pulls but refuses every push (distribution's maintenance mode).</param>
/// <param name="Tokens">The registry wants bearer tokens from this server (<c>auth: token</c>), as Docker Hub, GHCR, Harbor and Quay do.</param>
public sealed record RegistryServerOptions(string? Username = null, string? Password = null, bool ReadOnly = false,
    Registries.TokenServer? Tokens = null);

/// <summary>A manifest as the registry stores it, with the digest the registry answered.</summary>
public sealed record RegistryManifest(string Digest, string MediaType, byte[] Bytes)
{
    public JsonElement Json => JsonDocument.Parse(Bytes).RootElement;
}

/// <summary>
/// A real OCI registry (Debian's docker-registry, distribution 2.8) on 127.0.0.1 with storage in a temp
/// folder, optionally behind an htpasswd login. Reads the distribution HTTP API for assertions.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    /// <summary>
    /// Ask for every schema 2 type, indexes included: distribution 2.8 answers an OCI-only Accept with a converted
    /// schema 1 manifest, and an index it is not asked for with the manifest of one platform.
    /// </summary>
    private const string ManifestTypes = "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, " +
                                         "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json";

    private readonly ServiceProcess _process;
    private readonly string _directory;

    private RegistryServer(ServiceProcess process, string directory, int port, RegistryServerOptions options)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Options = options;
        Http = options.Tokens is { } tokens
            ? new HttpClient(new Registries.TokenAuthHandler(tokens)) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(10) }
            : new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(10) };
        if (options.Username is not null)
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
    }

    public int Port { get; }

    /// <summary>Where the registry keeps its data (blobs, repositories, upload sessions).</summary>
    public string DataDirectory => Path.Combine(_directory, "data");

    public RegistryServerOptions Options { get; }

    /// <summary>
    /// The name images use for this registry. It is "localhost", not "127.0.0.1": podman 4's login call
    /// (POST /auth) speaks plain HTTP only to hosts named localhost, ignoring registries.conf.
    /// </summary>
    public string Host => $"localhost:{Port}";

    /// <summary>An HTTP client for the registry API, logged in if the registry needs it (its timeout allows publishing multi-GiB layers).</summary>
    public HttpClient Http { get; }

    public static async Task<RegistryServer> StartAsync(RegistryServerOptions? options = null)
    {
        options ??= new RegistryServerOptions();
        var binary = ServiceProcess.Require("docker-registry", "docker-registry");
        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("portal-registry-").FullName;
            RegistryServer? registry = null;
            try
            {
                var port = ServiceProcess.FreePort();
                var config = Path.Combine(directory, "config.yml");
                await File.WriteAllTextAsync(config, await ConfigAsync(directory, port, options));
                var process = ServiceProcess.Start(binary, ["serve", config], Path.Combine(directory, "registry.log"));
                registry = new RegistryServer(process, directory, port, options);
                await process.WaitUntilAsync($"docker-registry on port {port}", async () =>
                {
                    using var response = await registry.Http.GetAsync("v2/");
                    return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
                }, TimeSpan.FromSeconds(20));
                return registry;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.Ordinal))
            {
                // Another test took the free port between our check and the registry's bind: pick another.
                await registry!.DisposeAsync();
            }
            catch
            {
                if (registry is not null) await registry.DisposeAsync();
                else TryDelete(directory);
                throw;
            }
        }
    }

    /// <summary>
    /// Upload sessions the registry would still resume for a repository: folders with their <c>startedat</c> file.
    /// (When a session is cancelled while a request that was cut off is still closing, distribution writes that
    /// request's hash state into a folder of its own afterwards; without <c>startedat</c> it is no session.)
    /// </summary>
    public IReadOnlyList<string> OpenUploads(string repository)
    {
        var uploads = Path.Combine(DataDirectory, "docker", "registry", "v2", "repositories", repository, "_uploads");
        return Directory.Exists(uploads)
            ? Directory.GetDirectories(uploads).Where(d => File.Exists(Path.Combine(d, "startedat"))).Select(d => Path.GetFileName(d)).ToList()
            : [];
    }

    /// <summary>Whether the repository holds a blob (HEAD).</summary>
    public async Task<bool> HasBlobAsync(string repository, string digest)
    {
        using var response = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"));
        return response.IsSuccessStatusCode;
    }

    public async Task<RegistryManifest?> FindManifestAsync(string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
        request.Headers.Accept.ParseAdd(ManifestTypes);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var digest = response.Headers.GetValues("Docker-Content-Digest").Single();
        var actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != digest) throw new InvalidDataException($"The registry answered digest {digest} for a manifest whose bytes hash to {actual}");
        return new RegistryManifest(digest, response.Content.Headers.ContentType?.MediaType ?? "", bytes);
    }

    public async Task<RegistryManifest> GetManifestAsync(string repository, string reference) =>
        await FindManifestAsync(repository, reference)
        ?? throw new InvalidOperationException($"{Host}/{repository}:{reference} does not exist");

    public async Task<byte[]> GetBlobAsync(string repository, string digest)
    {
        var bytes = await Http.GetByteArrayAsync($"v2/{repository}/blobs/{digest}");
        var actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != digest) throw new InvalidDataException($"Blob {digest} hashes to {actual}");
        return bytes;
    }

    /// <summary>The image config (labels, env, history) of a tag.</summary>
    public async Task<JsonElement> GetConfigAsync(string repository, string reference)
    {
        var manifest = await GetManifestAsync(repository, reference);
        var digest = manifest.Json.GetProperty("config").GetProperty("digest").GetString()!;
        return JsonDocument.Parse(await GetBlobAsync(repository, digest)).RootElement;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        TryDelete(_directory);
    }

    private static async Task<string> ConfigAsync(string directory, int port, RegistryServerOptions options)
    {
        var config = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {directory}/data
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
                readonly:
                  enabled: {(options.ReadOnly ? "true" : "false")}
            http:
              addr: 127.0.0.1:{port}
              secret: {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}

            """));
        if (options.Tokens is { } tokens)
        {
            config.Append(CultureInfo.InvariantCulture, $"""
                auth:
                  token:
                    realm: {tokens.Realm}
                    service: {Registries.TokenServer.Service}
                    issuer: {Registries.TokenServer.Issuer}
                    rootcertbundle: {tokens.CertificatePath}

                """);
        }
        else if (options.Username is not null)
        {
            var htpasswd = ServiceProcess.Require("htpasswd", "apache2-utils");
            var line = await ServiceProcess.RunAsync(htpasswd, "-Bbn", options.Username, options.Password ?? "");
            var path = Path.Combine(directory, "htpasswd");
            await File.WriteAllTextAsync(path, line.Trim() + "\n");
            config.Append(CultureInfo.InvariantCulture, $"""
                auth:
                  htpasswd:
                    realm: portal-tests
                    path: {path}

                """);
        }
        return config.ToString();
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a temp folder left behind is not worth failing a test for
        }
    }
}
