using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data.Providers;

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    // No server is contacted to add a migration or to script one.
    public SqlServerPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.SqlServer, "Server=design-time;Database=Portal;Integrated Security=true");
        return new(options.Options);
    }
}
