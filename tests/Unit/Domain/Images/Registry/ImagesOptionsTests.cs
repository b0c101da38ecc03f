using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Domain.Images;

namespace Portal.Tests.Unit.Domain.Images.Registry;

public sealed class ImagesOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddImageExport().BuildServiceProvider();
    }

    [Fact]
    public void Binds_the_Images_section_from_configuration()
    {
        using var services = Services(new()
        {
            ["Images:Engine"] = "Always", ["Images:ParallelBlobs"] = "8", ["Images:ChunkSize"] = "33554432",
            ["Images:InsecureRegistries:0"] = "mirror.internal:5000",
        });

        var options = services.GetRequiredService<IOptions<ImagesOptions>>().Value;

        Assert.Equal(EngineUse.Always, options.Engine);
        Assert.Equal(8, options.ParallelBlobs);
        Assert.Equal(32L << 20, options.ChunkSize);
        Assert.Equal(["mirror.internal:5000"], options.InsecureRegistries);
    }

    [Theory]
    [InlineData("Images:ParallelBlobs", "0")]
    [InlineData("Images:ChunkSize", "1000")]
    [InlineData("Images:MaxAttemptsPerBlob", "0")]
    [InlineData("Images:InsecureRegistries:0", "http://mirror.internal:5000")]
    [InlineData("Images:Engine", "Sometimes")]
    public void A_wrong_setting_fails_validation(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<ImagesOptions>>().Value);
    }
}
