using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Data.Providers;

namespace Portal.Tests.Unit.Data;

[Trait("Category", "Migrations")]
public sealed class MigrationsTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "SqlServer", "PostgreSql" };

    [Fact]
    public void SqlServer_migrations_exist_and_script_the_identity_and_key_tables_without_a_server()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var migrations = context.Database.GetMigrations().ToList();
        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.NotEmpty(migrations);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("[Status] nvarchar(16) NOT NULL", script);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
        Assert.Contains("INSERT INTO [AspNetRoles]", script);
        Assert.Contains(migrations.Last(), script);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_provider_has_the_same_migrations_in_the_same_order(string provider)
    {
        using var sqlite = Create("Sqlite");
        using var other = Create(provider);

        Assert.Equal(Names(sqlite), Names(other));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_provider_migrations(string provider)
    {
        using var context = Create(provider);

        // Fails when an entity changed without scripts/add-migration.sh.
        Assert.False(context.Database.HasPendingModelChanges(), $"Run scripts/add-migration.sh: the {provider} migrations are behind the model.");
    }

    private static PortalDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
        "PostgreSql" => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    // Migration ids start with a per-provider timestamp; the names after it must match.
    private static IEnumerable<string> Names(DbContext context) =>
        context.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);
}
