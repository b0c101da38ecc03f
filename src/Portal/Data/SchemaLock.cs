using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Data;

/// <summary>
/// One node at a time changes the schema: a session lock on the database server (a PostgreSQL advisory lock,
/// a SQL Server app lock) held on a connection of its own while the migrations run and Hangfire prepares its
/// tables. EF Core's own migration lock is not enough on PostgreSQL: it is a table lock taken per migration
/// transaction, and two nodes starting together on an empty database both applied the second migration.
/// The lock dies with its session, so a node killed while holding it holds nothing. SQLite (one node) needs none.
/// </summary>
public sealed class SchemaLock : IAsyncDisposable
{
    private const long AdvisoryKey = 0x706F7274616C; // "portal"
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);

    private readonly AsyncServiceScope? scope;
    private readonly DatabaseFacade? database;
    private readonly string? release;

    private SchemaLock(AsyncServiceScope? scope, DatabaseFacade? database, string? release)
    {
        this.scope = scope;
        this.database = database;
        this.release = release;
    }

    /// <param name="createDatabase">Create the (empty) database first if it does not exist, as migrating would.</param>
    public static async Task<SchemaLock> AcquireAsync(IServiceProvider services, bool createDatabase, CancellationToken cancellationToken = default)
    {
        var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database;
        var (take, release) = database.IsNpgsql()
            ? ($"SELECT pg_advisory_lock({AdvisoryKey})", $"SELECT pg_advisory_unlock({AdvisoryKey})")
            : database.IsSqlServer()
                ? ($"""
                    DECLARE @result int;
                    EXEC @result = sp_getapplock @Resource = N'portal:schema', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = {(int)Wait.TotalMilliseconds};
                    IF @result < 0 THROW 50000, 'Another node held the schema lock for too long.', 1;
                    """,
                    "EXEC sp_releaseapplock @Resource = N'portal:schema', @LockOwner = 'Session';")
                : (null, null);
        if (take is null)
        {
            await scope.DisposeAsync();
            return new SchemaLock(null, null, null);
        }
        try
        {
            if (createDatabase) await CreateDatabaseAsync(database, cancellationToken);
            database.SetCommandTimeout(Wait + TimeSpan.FromSeconds(30));
            await database.OpenConnectionAsync(cancellationToken);
            await database.ExecuteSqlRawAsync(take, cancellationToken);
            return new SchemaLock(scope, database, release);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private static async Task CreateDatabaseAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException)
        {
            // Another node may have created it a moment ago; if not, this is a real failure.
            if (!await creator.ExistsAsync(cancellationToken)) throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (database is null) return;
        try
        {
            // Explicitly: a pooled connection keeps its session (and the lock) after it is closed.
            await database.ExecuteSqlRawAsync(release!);
        }
        finally
        {
            await database.CloseConnectionAsync();
            await scope!.Value.DisposeAsync();
        }
    }
}
