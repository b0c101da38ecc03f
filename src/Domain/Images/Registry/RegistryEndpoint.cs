using System.Net;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// Where a registry's API is: the host as configured (a scheme in front forces it), the host requests go
/// to (Docker Hub's names all mean <c>registry-1.docker.io</c>), and whether plain HTTP may be tried.
/// </summary>
public sealed record RegistryEndpoint(string Name, string ApiHost, string? Scheme, bool MayUsePlainHttp)
{
    private const string DockerHub = "registry-1.docker.io";

    public static RegistryEndpoint Parse(string? host, IEnumerable<string>? insecureHosts = null)
    {
        var text = (host ?? "").Trim().TrimEnd('/');
        string? scheme = null;
        foreach (var s in (string[])["https", "http"])
            if (text.StartsWith(s + "://", StringComparison.OrdinalIgnoreCase))
            {
                scheme = s;
                text = text[(s.Length + 3)..];
            }
        var name = text.Length == 0 ? "docker.io" : text.ToLowerInvariant();
        var api = name is "docker.io" or "index.docker.io" or "registry.hub.docker.com" ? DockerHub : name;
        var insecure = scheme == "http" || IsLoopback(api)
                       || (insecureHosts ?? []).Any(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return new RegistryEndpoint(name, api, scheme, insecure);
    }

    /// <summary>The repository path the API uses: Docker Hub's official images live under <c>library/</c>.</summary>
    public string RepositoryPath(string repository) =>
        ApiHost == DockerHub && !repository.Contains('/', StringComparison.Ordinal) ? "library/" + repository : repository;

    /// <summary>Same registry (so a blob can be mounted from one repository into another instead of copied).</summary>
    public bool IsSameRegistry(RegistryEndpoint other) => string.Equals(ApiHost, other.ApiHost, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Name;

    private static bool IsLoopback(string host)
    {
        var name = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return name == "localhost" || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip));
    }
}
