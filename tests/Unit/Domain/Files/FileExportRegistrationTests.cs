using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Files;
using Portal.Domain;

namespace Portal.Tests.Unit.Domain.Files;

public sealed class FileExportRegistrationTests
{
    [Fact]
    public void Registers_the_exporter_with_eight_parallel_transfers_by_default()
    {
        using var services = new ServiceCollection().AddLogging().AddFileExport().BuildServiceProvider();

        Assert.NotNull(services.GetRequiredService<ProjectFilesExporter>());
        Assert.Equal(8, services.GetRequiredService<IOptions<FileExportOptions>>().Value.MaxParallelTransfers);
    }

    [Fact]
    public void Refuses_settings_out_of_range_with_a_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Exports:MaxParallelTransfers"] = "0",
        }).Build();
        var collection = new ServiceCollection().AddLogging().AddFileExport();
        collection.Configure<FileExportOptions>(configuration.GetSection(FileExportOptions.Section));
        using var services = collection.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FileExportOptions>>().Value);

        Assert.Contains("MaxParallelTransfers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Can_be_added_alongside_the_Domino_client_without_registering_it_twice()
    {
        var collection = new ServiceCollection().AddLogging().AddDominoClient().AddFileExport();

        Assert.Single(collection, d => d.ServiceType == typeof(Portal.Domain.Domino.IDominoClientFactory));
    }
}
