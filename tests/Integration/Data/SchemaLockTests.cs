using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Tests.Integration.Support;
using Portal.Security;

namespace Portal.Tests.Integration.Data;

[Collection(PostgresCollection.Name)]
public sealed class SchemaLockTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Nodes_starting_together_on_a_database_that_does_not_exist_yet_create_it_and_apply_each_migration_once()
    {
        var connectionString = await postgres.DatabaseAsync("schema", create: false);
        var logs = new CapturedLogs();
        var nodes = Enumerable.Range(0, 3).Select(_ => Node(connectionString, logs)).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            await using (await SchemaLock.AcquireAsync(node, createDatabase: true))
                await node.MigratePortalDatabaseAsync();
        })));

        await using var scope = nodes[0].CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(migrations.Count, logs.Entries.Count(e => e.Message.StartsWith("Applying migration", StringComparison.Ordinal)));
        foreach (var node in nodes) await node.DisposeAsync();
    }

    [Fact]
    public async Task The_lock_is_released_so_the_next_node_takes_it_at_once()
    {
        var connectionString = await postgres.DatabaseAsync("release");
        await using var node = Node(connectionString, new CapturedLogs());

        await (await SchemaLock.AcquireAsync(node, createDatabase: false)).DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var again = await SchemaLock.AcquireAsync(node, createDatabase: false, timeout.Token);
    }

    [Fact]
    public async Task A_node_that_does_not_migrate_stops_with_a_message_until_another_has_migrated()
    {
        var connectionString = await postgres.DatabaseAsync("behind");
        await using var worker = Node(connectionString, new CapturedLogs());
        await using var web = Node(connectionString, new CapturedLogs());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => worker.RequireCurrentSchemaAsync());
        Assert.Contains("Database:MigrateOnStartup is false", error.Message, StringComparison.Ordinal);

        await web.MigratePortalDatabaseAsync();
        await worker.RequireCurrentSchemaAsync();
    }

    private static ServiceProvider Node(string connectionString, CapturedLogs logs)
    {
        var configuration = new ConfigurationBuilder().Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddSingleton<IConfiguration>(configuration)
            .AddData(configuration, DatabaseProvider.PostgreSql, connectionString)
            .AddSecurity()
            .BuildServiceProvider();
    }
}
