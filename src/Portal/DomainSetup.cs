using Portal.Domain.Domino;
using Portal.Domain.Files;
using Portal.Domain.Images.Engine;
using Portal.Domain;

namespace Portal;

/// <summary>The export engine (src/Domain) with its options bound to the portal's configuration (<c>Domino</c>, <c>Exports</c>, <c>Docker</c>).</summary>
public static class DomainSetup
{
    public static IServiceCollection AddDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDominoClient().AddFileExport().AddImageExport();
        services.AddOptions<DominoClientOptions>().Bind(configuration.GetSection(DominoClientOptions.Section));
        services.AddOptions<FileExportOptions>().Bind(configuration.GetSection(FileExportOptions.Section));
        services.AddOptions<DockerOptions>().Bind(configuration.GetSection(DockerOptions.Section));
        return services;
    }
}
