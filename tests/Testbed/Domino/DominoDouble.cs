using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Testbed.Domino;

public sealed record RecordedRequest(string Method, string RawTarget, string? ApiKey);

/// <summary>The project list's shape: the list endpoint is not part of the documented contract and varies.</summary>
public enum ProjectListShape
{
    /// <summary><c>ownerUsername</c> and <c>allowedOperations</c> on every entry.</summary>
    Full,
    /// <summary>The owner as an object (<c>owner.userName</c>) and no permission fields.</summary>
    Lean,
}

/// <summary>
/// A stand-in for the Domino API, served over real HTTP on 127.0.0.1, speaking the contract the
/// original service used (see docs/domino-api.md). Tests set up users, projects,
/// commits, files and environments, and switch on faults through <see cref="Faults"/>.
/// </summary>
public sealed partial class DominoDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, DominoUser> _usersByKey = new();
    private readonly ConcurrentDictionary<string, TestProject> _projects = new();
    private readonly ConcurrentDictionary<string, TestEnvironment> _environments = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private DominoDouble(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;
    public DominoFaults Faults { get; } = new();

    /// <summary>How <c>/v4/gateway/projects</c> describes projects (its fields vary by Domino version).</summary>
    public ProjectListShape ProjectListShape { get; set; }
    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    /// <summary>Starts the double on 127.0.0.1 on a free port (or the given one).</summary>
    public static async Task<DominoDouble> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        var domino = new DominoDouble(app);
        domino.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        domino.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return domino;
    }

    public DominoUser AddUser(string userName, string? apiKey = null)
    {
        var user = new DominoUser(NewId(), userName, apiKey ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        _usersByKey[user.ApiKey] = user;
        return user;
    }

    public TestProject AddProject(DominoUser owner, string name)
    {
        var project = new TestProject(NewId(), owner, name);
        _projects[project.Id] = project;
        return project;
    }

    public TestEnvironment AddEnvironment(string name, string? id = null)
    {
        var environment = new TestEnvironment(id ?? NewId(), name);
        _environments[environment.Id] = environment;
        return environment;
    }

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private DominoUser? Caller(HttpContext context) =>
        context.Request.Headers.TryGetValue("X-Domino-Api-Key", out var key) && _usersByKey.TryGetValue(key.ToString(), out var user)
            ? user
            : null;

    private TestProject? FindProject(string owner, string name) =>
        _projects.Values.FirstOrDefault(p => p.Owner.UserName == owner && p.Name == name);
}
