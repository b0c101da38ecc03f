using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Portal.Testbed.Registries;

/// <summary>
/// Lets a test's own HTTP client read and write a token-auth registry: each request gets a token
/// minted for the repository its path names (all actions), straight from the <see cref="TokenServer"/>.
/// </summary>
public sealed partial class TokenAuthHandler(TokenServer tokens) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var access = RepositoryPath().Match(path) is { Success: true } m
            ? [("repository", m.Groups[1].Value, (IReadOnlyList<string>)["pull", "push", "delete"])]
            : path.StartsWith("/v2/_catalog", StringComparison.Ordinal)
                ? new List<(string, string, IReadOnlyList<string>)> { ("registry", "catalog", ["*"]) }
                : [];
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint("test-admin", TokenServer.Service, access));
        return base.SendAsync(request, cancellationToken);
    }

    [GeneratedRegex(@"^/v2/(.+?)/(?:manifests|blobs|tags)/", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPath();
}
