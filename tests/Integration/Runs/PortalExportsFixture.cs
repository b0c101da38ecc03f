using Portal.Testbed.Containers;
using Portal.Testbed.Domino;
using Portal.Testbed.S3;

namespace Portal.Tests.Integration.Runs;

[CollectionDefinition(Name)]
public sealed class PortalExportsCollection : ICollectionFixture<PortalExportsFixture>
{
    public const string Name = "Portal exports (S3, registries, podman, Domino)";
}

/// <summary>
/// The real services a portal's exports talk to, shared by the run tests: an S3 server, a registry
/// standing for Domino's, an external registry with a login, podman's Docker API and the Domino double.
/// Each test gets its own portal database (<see cref="ExportsHost"/>) and its own names.
/// </summary>
public sealed class PortalExportsFixture : IAsyncLifetime
{
    public const string Bucket = "portal-exports";
    public const string TargetUser = "pusher";
    public const string TargetPassword = "push-secret";
    private int _next;

    public S3Server S3 { get; private set; } = null!;
    public DominoDouble Domino { get; private set; } = null!;
    public RegistryServer DominoRegistry { get; private set; } = null!;
    public RegistryServer Target { get; private set; } = null!;
    public PodmanService Podman { get; private set; } = null!;
    public TestImages Images { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            var s3 = S3Server.StartAsync(Bucket);
            DominoRegistry = await RegistryServer.StartAsync();
            Target = await RegistryServer.StartAsync(new RegistryServerOptions(TargetUser, TargetPassword));
            Podman = await PodmanService.StartAsync([DominoRegistry.Host, Target.Host]);
            Images = new TestImages(Podman, DominoRegistry);
            Domino = await DominoDouble.StartAsync();
            S3 = await s3;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public int Next() => Interlocked.Increment(ref _next);

    public async Task DisposeAsync()
    {
        if (Domino is not null) await Domino.DisposeAsync();
        if (Podman is not null) await Podman.DisposeAsync();
        if (Target is not null) await Target.DisposeAsync();
        if (DominoRegistry is not null) await DominoRegistry.DisposeAsync();
        if (S3 is not null) await S3.DisposeAsync();
    }
}
