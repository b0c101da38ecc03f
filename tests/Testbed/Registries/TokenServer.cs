using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Testbed.Registries;

/// <summary>One token request as the server saw it: who asked (null: anonymous) and for which scopes.</summary>
public sealed record TokenRequest(string? User, string? Service, IReadOnlyList<string> Scopes, bool Granted);

/// <summary>
/// The token server of the distribution spec's bearer flow (what Docker Hub, GHCR, Harbor and Quay run),
/// on 127.0.0.1: Basic credentials in, an RS256 JWT out, signed with a certificate made here and named
/// in the header's <c>x5c</c>, so docker-registry configured with <c>auth: token</c> and that certificate
/// as its root bundle accepts it. Wrong credentials get 401; anonymous requests get a token without access.
/// </summary>
public sealed class TokenServer : IAsyncDisposable
{
    public const string Service = "portal-test-registry";
    public const string Issuer = "portal-test-token-server";

    private readonly WebApplication _app;
    private readonly RSA _key;
    private readonly X509Certificate2 _certificate;
    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();

    private TokenServer(WebApplication app, RSA key, X509Certificate2 certificate, IReadOnlyDictionary<string, string> users, string directory)
    {
        _app = app;
        _key = key;
        _certificate = certificate;
        _users = users;
        Directory = directory;
    }

    public Uri Url { get; private set; } = null!;

    public string Realm => new Uri(Url, "token").ToString();

    public string Directory { get; }

    /// <summary>The signing certificate as PEM: the registry's <c>rootcertbundle</c>.</summary>
    public string CertificatePath => Path.Combine(Directory, "token-signer.pem");

    /// <summary>How long tokens live (<c>expires_in</c>).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Which actions a user gets on a repository; by default, whatever was asked for (anonymous: nothing).</summary>
    public Func<string?, string, IReadOnlyList<string>, IReadOnlyList<string>> Grant { get; set; } =
        (user, _, actions) => user is null ? [] : actions;

    public IReadOnlyCollection<TokenRequest> Requests => _requests;

    public static async Task<TokenServer> StartAsync(IReadOnlyDictionary<string, string> users)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("portal-token-").FullName;
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={Issuer}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllTextAsync(Path.Combine(directory, "token-signer.pem"), certificate.ExportCertificatePem() + "\n");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TokenServer(app, key, certificate, users, directory);
        app.MapGet("/token", server.Token);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address + "/");
        return server;
    }

    /// <summary>A token with exactly this access (for test clients that read the registry directly).</summary>
    public string Mint(string subject, string audience, IEnumerable<(string Type, string Name, IReadOnlyList<string> Actions)> access)
    {
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject
        {
            ["typ"] = "JWT", ["alg"] = "RS256", ["x5c"] = new JsonArray(Convert.ToBase64String(_certificate.RawData)),
        };
        var claims = new JsonObject
        {
            ["iss"] = Issuer, ["sub"] = subject, ["aud"] = audience,
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(), ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ["access"] = new JsonArray(access.Select(a => (JsonNode?)new JsonObject
            {
                ["type"] = a.Type, ["name"] = a.Name, ["actions"] = new JsonArray(a.Actions.Select(x => (JsonNode?)x).ToArray()),
            }).ToArray()),
        };
        var signed = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    private IResult Token(HttpContext context)
    {
        var query = context.Request.Query;
        var scopes = query["scope"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        string? user = null;
        if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return Refuse(scopes);
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim())).Split(':', 2);
            if (pair.Length != 2 || !_users.TryGetValue(pair[0], out var password) || password != pair[1]) return Refuse(scopes, pair[0]);
            user = pair[0];
        }
        var access = scopes.Select(Parse).Where(s => s is not null).Select(s => (s!.Value.Type, s.Value.Name, Grant(user, s.Value.Name, s.Value.Actions))).ToList();
        _requests.Enqueue(new TokenRequest(user, query["service"], scopes, true));
        var token = Mint(user ?? "", query["service"].ToString(), access);
        return Results.Json(new
        {
            token, access_token = token, expires_in = (int)Lifetime.TotalSeconds, issued_at = DateTimeOffset.UtcNow.ToString("O"),
        });
    }

    private IResult Refuse(List<string> scopes, string? user = null)
    {
        _requests.Enqueue(new TokenRequest(user, null, scopes, false));
        return Results.Json(new { errors = new[] { new { code = "UNAUTHORIZED", message = "authentication required" } } }, statusCode: 401);
    }

    /// <summary><c>repository:team/app:pull,push</c>; the name may hold colons only as a port, which repositories never do.</summary>
    private static (string Type, string Name, IReadOnlyList<string> Actions)? Parse(string scope)
    {
        var first = scope.IndexOf(':', StringComparison.Ordinal);
        var last = scope.LastIndexOf(':');
        if (first < 0 || last == first) return null;
        return (scope[..first], scope[(first + 1)..last], scope[(last + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
        _key.Dispose();
        Containers.RegistryServer.TryDelete(Directory);
    }
}
