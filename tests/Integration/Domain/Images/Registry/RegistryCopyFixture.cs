using Microsoft.Extensions.DependencyInjection;
using Portal.Domain;
using Portal.Domain.Domino;
using Portal.Domain.Images;
using Portal.Testbed.Containers;
using Portal.Testbed.Domino;
using Portal.Testbed.Registries;

namespace Portal.Tests.Integration.Domain.Images.Registry;

[CollectionDefinition(Name)]
public sealed class RegistryCopyCollection : ICollectionFixture<RegistryCopyFixture>
{
    public const string Name = "Image export: registry to registry";
}

/// <summary>
/// Real registries for the registry copy, no engine: one standing for Domino's (htpasswd), a target
/// (htpasswd), one behind a token server (bearer flow, both sides), and a read-only one; plus the
/// Domino double. Tests stay independent through their own repositories and environments, and put
/// proxies in front of a registry when they need faults.
/// </summary>
public sealed class RegistryCopyFixture : IAsyncLifetime
{
    public const string DominoUser = "domino";
    public const string DominoPassword = "domino-registry-pass";
    public const string TargetUser = "exporter";
    public const string TargetPassword = "s3cret {not a format}";

    public DominoDouble Domino { get; private set; } = null!;
    public RegistryServer DominoRegistry { get; private set; } = null!;
    public RegistryServer Target { get; private set; } = null!;
    public RegistryServer ReadOnlyTarget { get; private set; } = null!;
    public TokenServer Tokens { get; private set; } = null!;
    public RegistryServer TokenRegistry { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;

    public ImageExporter Exporter => Services.GetRequiredService<ImageExporter>();

    public async Task InitializeAsync()
    {
        try
        {
            Tokens = await TokenServer.StartAsync(new Dictionary<string, string> { [DominoUser] = DominoPassword, [TargetUser] = TargetPassword });
            var registries = await Task.WhenAll(
                RegistryServer.StartAsync(new RegistryServerOptions(DominoUser, DominoPassword)),
                RegistryServer.StartAsync(new RegistryServerOptions(TargetUser, TargetPassword)),
                RegistryServer.StartAsync(new RegistryServerOptions(ReadOnly: true)),
                RegistryServer.StartAsync(new RegistryServerOptions(TargetUser, TargetPassword, Tokens: Tokens)));
            (DominoRegistry, Target, ReadOnlyTarget, TokenRegistry) = (registries[0], registries[1], registries[2], registries[3]);
            Domino = await DominoDouble.StartAsync();
            Services = CreateServices();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>The production registrations with quick retries, and whatever a test changes in the options.</summary>
    public static ServiceProvider CreateServices(Action<ImagesOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (time is not null) services.AddSingleton(time);
        services.AddImageExport();
        services.Configure<DominoClientOptions>(o => o.RetryDelay = TimeSpan.FromMilliseconds(20));
        services.Configure<ImagesOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>A Domino user whose project uses a new environment whose revisions are the given images.</summary>
    public (DominoUser User, TestProject Project, TestEnvironment Environment) NewProject(string name, params string?[] revisionImages) =>
        Domino.NewProject(name, revisionImages);

    /// <summary>Exports the project's environment to <c>{target}/team-a/{name}</c>, reading the source with the Domino login.</summary>
    public ImageExportRequest Request(DominoUser user, TestProject project, string template = DockerTemplate.StandardText,
        RegistryLogin? source = null, RegistryLogin? target = null) =>
        new(new DominoConnection(Domino.Url), user.ApiKey,
            new ImageSource.Project(user.UserName, project.Name),
            source ?? new RegistryLogin(DominoRegistry.Host, DominoUser, DominoPassword),
            target ?? new RegistryLogin(Target.Host, TargetUser, TargetPassword),
            "Team-A", project.Name, template);

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
        if (Domino is not null) await Domino.DisposeAsync();
        foreach (var registry in new[] { DominoRegistry, Target, ReadOnlyTarget, TokenRegistry })
            if (registry is not null) await registry.DisposeAsync();
        if (Tokens is not null) await Tokens.DisposeAsync();
    }
}
