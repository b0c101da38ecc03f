using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Portal.Tests.Unit;

public sealed class SecretsConfigurationTests
{
    [Fact]
    public void Files_in_the_secrets_folder_are_configuration_keys_like_compose_secrets()
    {
        var folder = Directory.CreateTempSubdirectory("portal-secrets-").FullName;
        try
        {
            var secrets = Directory.CreateDirectory(Path.Combine(folder, "secrets")).FullName;
            File.WriteAllText(Path.Combine(secrets, "ConnectionStrings__Portal"), "Host=db;Database=portal;Password=from-a-file");
            File.WriteAllText(Path.Combine(secrets, "Database__Provider"), "PostgreSql");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = [$"--Portal:SecretsPath={secrets}", $"--Portal:DataPath={Path.Combine(folder, "data")}"],
            });

            builder.AddPortal();

            Assert.Equal("Host=db;Database=portal;Password=from-a-file", builder.Configuration.GetConnectionString("Portal"));
            Assert.Equal("PostgreSql", builder.Configuration["Database:Provider"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
