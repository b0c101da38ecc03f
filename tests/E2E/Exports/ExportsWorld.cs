using Portal.Testbed.Browser;
using Portal.Testbed.Containers;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Portal.Testbed.S3;

namespace Portal.Tests.E2E.Exports;

[CollectionDefinition(Name)]
public sealed class ExportsCollection : ICollectionFixture<ExportsWorld>
{
    public const string Name = "Exports in the portal (S3, registries, podman, Domino, portal, Chromium)";
}

/// <summary>
/// Everything an export touches, started once for the exports and runs tests: an S3 server, a strict one
/// that refuses a wrong secret, the registry standing for Domino's, an external registry with a login,
/// podman's Docker API, the Domino double with a user and an environment image, the portal and Chromium.
/// The people (<see cref="People"/>) sign in once and are shared by the tests.
/// </summary>
public sealed class ExportsWorld : IAsyncLifetime
{
    public const string Bucket = "portal-exports";
    public const string StrictBucket = "strict-exports";
    public const string TargetUser = "pusher";
    public const string TargetPassword = "push-secret";

    private int next;

    public S3Server S3 { get; private set; } = null!;
    public S3Server StrictS3 { get; private set; } = null!;
    public RegistryServer DominoRegistry { get; private set; } = null!;
    public RegistryServer Target { get; private set; } = null!;
    public PodmanService Podman { get; private set; } = null!;
    public DominoDouble Domino { get; private set; } = null!;
    public PortalProcess Portal { get; private set; } = null!;
    public ChromiumBrowser Chromium { get; private set; } = null!;

    /// <summary>The Domino user whose key the portal user stores.</summary>
    public DominoUser DominoUser { get; private set; } = null!;

    /// <summary>The environment every test project uses, its revision 1 an image in the Domino registry.</summary>
    public TestEnvironment Environment { get; private set; } = null!;

    public string ImageMarker { get; } = $"environment image {Guid.NewGuid():N}\n";

    public People People { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        var s3 = S3Server.StartAsync(Bucket);
        var strict = S3Server.StartAsync([StrictBucket], strictSignatures: true);
        try
        {
            DominoRegistry = await RegistryServer.StartAsync();
            Target = await RegistryServer.StartAsync(new RegistryServerOptions(TargetUser, TargetPassword));
            Podman = await PodmanService.StartAsync([DominoRegistry.Host, Target.Host]);
            Domino = await DominoDouble.StartAsync();
            S3 = await s3;
            StrictS3 = await strict;
            var image = new TestImages(Podman, DominoRegistry).PublishAsync("environments/python", "v1", marker: ImageMarker);
            Portal = await PortalProcess.StartAsync(new Dictionary<string, string?>
            {
                ["Portal:AdminEmail"] = People.AdminEmail,
                ["Portal:NodeName"] = "e2e-node",
                ["Docker:Endpoint"] = Podman.Endpoint.ToString(),
                ["Domino:RetryDelay"] = "00:00:00.050",
                ["Exports:ProgressInterval"] = "00:00:00.500",
                ["Exports:RetryDelay"] = "00:00:00.050",
                // The webhook receivers listen on loopback, which webhooks may not reach by default.
                ["Notifications:WebhookAllowedNetworks:0"] = "127.0.0.1",
            });
            Chromium = await ChromiumBrowser.LaunchAsync();
            DominoUser = Domino.AddUser("ada");
            Environment = Domino.AddEnvironment("Python 3.12");
            Environment.AddRevision(await image);
            People = new People(this);
        }
        catch
        {
            // The S3 servers may still be starting when something else failed: they stop too.
            S3 ??= await s3.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null!, TaskScheduler.Default);
            StrictS3 ??= await strict.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null!, TaskScheduler.Default);
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new Domino project of <see cref="DominoUser"/> using the test environment, with one commit of these files.</summary>
    public TestProject Project(string name, params TestFile[] files)
    {
        var project = Domino.AddProject(DominoUser, name);
        project.Commit(files);
        project.SelectEnvironment(Environment.Id, 1);
        return project;
    }

    /// <summary>A number no other test of this world uses (for names).</summary>
    public int Next() => Interlocked.Increment(ref next);

    public async Task DisposeAsync()
    {
        // Each in turn, whatever failed before: every process a test started ends with it.
        if (People is not null) await People.DisposeAsync();
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Portal is not null) await Portal.DisposeAsync();
        if (Domino is not null) await Domino.DisposeAsync();
        if (Podman is not null) await Podman.DisposeAsync();
        if (Target is not null) await Target.DisposeAsync();
        if (DominoRegistry is not null) await DominoRegistry.DisposeAsync();
        if (StrictS3 is not null) await StrictS3.DisposeAsync();
        if (S3 is not null) await S3.DisposeAsync();
    }
}
