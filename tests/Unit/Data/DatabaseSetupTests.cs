using Microsoft.Extensions.Configuration;
using Portal.Data;

namespace Portal.Tests.Unit.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void Sqlite_defaults_to_a_file_in_the_data_folder()
    {
        var configuration = new ConfigurationBuilder().Build();

        var connectionString = DatabaseSetup.ResolveConnectionString(configuration, DatabaseProvider.Sqlite, "/var/portal");

        Assert.Equal("Data Source=/var/portal/portal.db", connectionString);
    }

    [Fact]
    public void A_server_provider_without_a_connection_string_fails_with_the_key_to_set()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSetup.ResolveConnectionString(configuration, DatabaseProvider.PostgreSql, "/var/portal"));

        Assert.Contains("ConnectionStrings__Portal", error.Message);
    }

    [Fact]
    public void The_data_folder_is_created_under_the_content_root_on_first_run()
    {
        var root = Directory.CreateTempSubdirectory("portal-root-").FullName;
        try
        {
            var path = PortalOptions.ResolveDataPath(new ConfigurationBuilder().Build(), root);

            Assert.Equal(Path.Combine(root, "App_Data"), path);
            Assert.True(Directory.Exists(path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
