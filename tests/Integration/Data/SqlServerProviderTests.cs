using Microsoft.EntityFrameworkCore;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Data;

/// <summary>
/// The portal on a real SQL Server: every migration applies, none is pending, and accounts and settings round-trip.
/// SQL Server cannot run on the development machines, so these run only where <c>PORTAL_TEST_SQLSERVER</c> holds a
/// connection string (.github/workflows/sqlserver.yml starts one in a service container); scripts/test.sh leaves
/// the trait out, and without the variable the test fails rather than pretending.
/// </summary>
public sealed class SqlServerPortal : PortalHost
{
    public static string ConnectionString => Environment.GetEnvironmentVariable("PORTAL_TEST_SQLSERVER")
        ?? throw new InvalidOperationException("Set PORTAL_TEST_SQLSERVER to a SQL Server connection string (see .github/workflows/sqlserver.yml).");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = "SqlServer",
        ["ConnectionStrings:Portal"] = ConnectionString,
    };
}

[Trait("Category", "SqlServer")]
[Collection(PortalHostCollection.Name)]
public sealed class SqlServerProviderTests(SqlServerPortal portal) : IClassFixture<SqlServerPortal>
{
    [Fact]
    public async Task Every_migration_applies_on_sql_server_and_accounts_round_trip()
    {
        var pending = await portal.DbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await portal.DbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        var admin = await portal.UserAsync("admin@example.com");
        var setup = await portal.SetUpV1Async();

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.True(admin.IsAdmin);
        Assert.Equal("exports", await portal.DbAsync(db => db.S3Destinations.Where(d => d.Id == setup.S3TargetId).Select(d => d.Bucket).SingleAsync()));
    }
}
