using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Domain.Images.Registry;

/// <summary>Makes <see cref="RegistryClient"/>s over the shared "registry" HTTP client (one connection pool per process).</summary>
public sealed class RegistryClientFactory(IHttpClientFactory http, IOptions<ImagesOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    public const string HttpClientName = "registry";

    public RegistryEndpoint Endpoint(string host) => RegistryEndpoint.Parse(host, options.Value.InsecureRegistries);

    /// <summary>A client for one registry and login, holding one token for <paramref name="scopes"/> (e.g. <c>repository:team/app:pull,push</c>).</summary>
    public RegistryClient Create(RegistryEndpoint endpoint, RegistryRole role, RegistryLogin? login, IReadOnlyList<string> scopes) =>
        new(http.CreateClient(HttpClientName), endpoint, role, login, scopes,
            new RegistryClientSettings(options.Value, time, loggers.CreateLogger<RegistryClient>()));
}
