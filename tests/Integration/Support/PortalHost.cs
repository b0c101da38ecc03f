using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accounts;
using Portal.Client.Admin;
using Portal.Connections;
using Portal.Data;
using Portal.Profile;
using Portal.Testbed.Domino;
using Portal.V1;
using Portal.Contracts.Admin;
using Portal.Contracts.Profile;

namespace Portal.Tests.Integration.Support;

/// <summary>Contract tests that start a portal of their own run one after another (Hangfire keeps some state in statics).</summary>
[CollectionDefinition(Name)]
public sealed class PortalHostCollection
{
    public const string Name = "Portal host";
}

/// <summary>
/// The real portal (Program, every registration and middleware) on Kestrel at 127.0.0.1 with a fresh SQLite
/// file in a temp folder, plus the Domino double it talks to. Hangfire's workers take a queue nobody uses,
/// so queued runs stay queued and the tests see the database as the API left it.
/// </summary>
public class PortalHost : IAsyncLifetime
{
    public const string Password = "Portal-test-1!";

    private WebApplicationFactory<Program> _factory = null!;

    public string Folder { get; } = Directory.CreateTempSubdirectory("portal-api-").FullName;
    public DominoDouble Domino { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;

    /// <summary>0: any free port. A fixed one when something must know the address first (an OpenID provider's redirect URIs).</summary>
    protected virtual int Port => 0;

    /// <summary>Configuration a test class changes (e.g. the rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Services a test class adds or replaces (e.g. a database interceptor that fails on purpose).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Domino = await DominoDouble.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Portal:DataPath"] = Folder,
            ["Portal:SecretsPath"] = Path.Combine(Folder, "no-secrets"),
            ["Hangfire:Queues:0"] = "nobody-takes-this-queue",
            ["Hangfire:WorkerCount"] = "1",
            ["Domino:RetryDelay"] = "00:00:00.010",
            ["Domino:MaxRetries"] = "1",
            ["Api:FailedTokenLimit"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(ConfigureServices);
        });
        _factory.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        await Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Domino.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A plain HTTP client of the running portal (no cookies, no redirects followed).</summary>
    public HttpClient Client(string? bearerToken = null)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        if (bearerToken is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return http;
    }

    /// <summary>A v1 caller: the Domino API key in X-Domino-Api-Key.</summary>
    public HttpClient V1Client(string? dominoKey)
    {
        var http = Client();
        if (dominoKey is not null) http.DefaultRequestHeaders.Add("X-Domino-Api-Key", dominoKey);
        return http;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return 0; });

    public Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> work) => InScopeAsync(sp => work(sp.GetRequiredService<PortalDbContext>()));

    /// <summary>Registers an account (the first one becomes the Admin) and approves it unless told otherwise.</summary>
    public Task<PortalUser> UserAsync(string email, bool approve = true) => InScopeAsync(async sp =>
    {
        var accounts = sp.GetRequiredService<AccountService>();
        var (result, user) = await accounts.RegisterAsync(email, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (approve && user.Status != Portal.Contracts.Accounts.AccountStatus.Approved)
            Assert.True((await accounts.ApproveAsync(user.Id, "test")).Succeeded);
        var admin = (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().GetRolesAsync(user))
            .Contains(Portal.Contracts.Accounts.PortalRoles.Admin);
        return new PortalUser(user.Id, email, admin);
    });

    public Task<string> TokenAsync(PortalUser user, int days = 30) => InScopeAsync(async sp =>
        (await sp.GetRequiredService<PersonalAccessTokenService>().CreateAsync(user, new CreateTokenRequest { Name = "test", ExpiresInDays = days },
            CancellationToken.None)).Secret!);

    /// <summary>A Domino deployment on the double, an S3 target and a registry, chosen as the v1 API's defaults.</summary>
    public Task<V1Setup> SetUpV1Async(string? serviceAccountId = null) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var now = DateTimeOffset.UtcNow;
        var deployment = new DominoDeployment { Name = "domino", ApiUrl = Domino.Url.ToString().TrimEnd('/'), VerifyTls = false, CreatedAt = now, UpdatedAt = now };
        var s3 = new S3Destination { Name = "bucket", Bucket = "exports", EndpointUrl = "http://127.0.0.1:9", CreatedAt = now, UpdatedAt = now };
        var registry = new RegistryDestination { Name = "registry", Host = "registry.example:5000", CreatedAt = now, UpdatedAt = now };
        db.AddRange(deployment, s3, registry);
        await db.SaveChangesAsync();
        var saved = await sp.GetRequiredService<Portal.V1.V1Settings>().SaveAsync(new V1SettingsForm
        {
            DominoDeploymentId = deployment.Id,
            S3TargetId = s3.Id,
            RegistryTargetId = registry.Id,
            ServiceAccountId = serviceAccountId,
        }, CancellationToken.None);
        Assert.True(saved.Succeeded);
        return new V1Setup(deployment.Id, s3.Id, registry.Id);
    });

    /// <summary>Stores a Domino key on a user's profile (checked with the double, as the profile page does).</summary>
    public Task StoreDominoKeyAsync(PortalUser user, int deploymentId, string key) => InScopeAsync(async sp =>
        Assert.True((await sp.GetRequiredService<DominoKeyService>().SaveAsync(user, deploymentId, key, CancellationToken.None)).Succeeded));

    /// <summary>Signs in through the real login form and returns a client carrying the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var (http, cookies, status) = await PostLoginAsync(email, Password);
        Assert.True(status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"Sign-in answered {(int)status}");
        Assert.Contains(cookies.GetAllCookies(), c => c.Name.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal));
        return http;
    }

    /// <summary>Fills in and posts the real login form (a right or a wrong password): the client, its cookies and the answer's status.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies, HttpStatusCode Status)> PostLoginAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        var http = BrowserClient(cookies);
        var token = await LoginFormTokenAsync(http);
        using var response = await PostLoginFormAsync(http, token, email, password);
        return (http, cookies, response.StatusCode);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser on the portal's own pages.</summary>
    public HttpClient BrowserClient(CookieContainer cookies)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = BaseAddress };
        // Cookie-authenticated API writes must say where they come from (issue 13).
        http.DefaultRequestHeaders.Add("Origin", BaseAddress.GetLeftPart(UriPartial.Authority));
        return http;
    }

    /// <summary>The login page's antiforgery token, as the page gives it to this client.</summary>
    public static async Task<string> LoginFormTokenAsync(HttpClient http) =>
        Regex.Match(await http.GetStringAsync("/Account/Login"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Sends the login form with a token from <see cref="LoginFormTokenAsync"/>.</summary>
    public static Task<HttpResponseMessage> PostLoginFormAsync(HttpClient http, string token, string email, string password) =>
        http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
}

public sealed record V1Setup(int DeploymentId, int S3TargetId, int RegistryId);

/// <summary>A portal whose first account, the Admin, exists already.</summary>
public sealed class AdminFixture : PortalHost
{
    public Portal.Accounts.PortalUser Admin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await UserAsync("admin@example.com");
    }
}
