using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Domino;
using Portal.Domain.Images;
using Portal.Domain.Images.Engine;
using Portal.Testbed.Containers;
using Portal.Testbed.Domino;
using Portal.Domain;

namespace Portal.Tests.Integration.Domain.Images;

[CollectionDefinition(Name)]
public sealed class ImageExportCollection : ICollectionFixture<ImageExportFixture>
{
    public const string Name = "Image export (podman and registries)";
}

/// <summary>
/// One podman service, three registries and one Domino double shared by every image export test:
/// starting podman costs seconds. Tests stay independent by using their own users, environments
/// and target names.
/// </summary>
public sealed class ImageExportFixture : IAsyncLifetime
{
    public const string DominoRegistryUser = "domino";
    public const string DominoRegistryPassword = "domino-registry-pass";
    public const string TargetUser = "exporter";
    public const string TargetPassword = "s3cret {not a format}";

    public DominoDouble Domino { get; private set; } = null!;
    public RegistryServer DominoRegistry { get; private set; } = null!;
    public RegistryServer Target { get; private set; } = null!;
    public RegistryServer ReadOnlyTarget { get; private set; } = null!;
    public PodmanService Podman { get; private set; } = null!;
    public TestImages Images { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;

    public ImageExporter Exporter => Services.GetRequiredService<ImageExporter>();

    public async Task InitializeAsync()
    {
        try
        {
            DominoRegistry = await RegistryServer.StartAsync(new RegistryServerOptions(DominoRegistryUser, DominoRegistryPassword));
            Target = await RegistryServer.StartAsync(new RegistryServerOptions(TargetUser, TargetPassword));
            ReadOnlyTarget = await RegistryServer.StartAsync(new RegistryServerOptions(ReadOnly: true));
            Podman = await PodmanService.StartAsync([DominoRegistry.Host, Target.Host, ReadOnlyTarget.Host]);
            Images = new TestImages(Podman, DominoRegistry);
            Domino = await DominoDouble.StartAsync();
            Services = CreateServices(Podman.Endpoint);
        }
        catch
        {
            // Whatever did start must not outlive the test run.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The production registrations, pointed at a Docker endpoint, with quick Domino retries. These tests are
    /// about the engine path, so every template takes it (<c>Images:Engine</c> = Always); the registry copy has
    /// its own tests (Registry/).
    /// </summary>
    public static ServiceProvider CreateServices(Uri dockerEndpoint, EngineUse engine = EngineUse.Always)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddImageExport();
        services.Configure<DominoClientOptions>(o => o.RetryDelay = TimeSpan.FromMilliseconds(20));
        services.Configure<ImagesOptions>(o => o.Engine = engine);
        services.Configure<DockerOptions>(o =>
        {
            o.Endpoint = dockerEndpoint;
            o.PingTimeout = TimeSpan.FromSeconds(5);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>A Domino user whose project uses a new environment whose revisions are the given images.</summary>
    public (DominoUser User, TestProject Project, TestEnvironment Environment) NewProject(string name, params string?[] revisionImages) =>
        Domino.NewProject(name, revisionImages);

    /// <summary>A request exporting the project's environment to the target registry as <c>{group}/{name}</c>.</summary>
    public ImageExportRequest Request(DominoUser user, TestProject project, string template = DockerTemplate.StandardText,
        RegistryLogin? target = null) =>
        new(new DominoConnection(Domino.Url), user.ApiKey,
            new ImageSource.Project(user.UserName, project.Name),
            new RegistryLogin(DominoRegistry.Host, DominoRegistryUser, DominoRegistryPassword),
            target ?? new RegistryLogin(Target.Host, TargetUser, TargetPassword),
            "Team-A", project.Name, template);

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
        if (Domino is not null) await Domino.DisposeAsync();
        if (Podman is not null) await Podman.DisposeAsync();
        foreach (var registry in new[] { DominoRegistry, Target, ReadOnlyTarget })
            if (registry is not null) await registry.DisposeAsync();
    }
}
