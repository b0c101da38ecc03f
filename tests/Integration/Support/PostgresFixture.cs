using Portal.Testbed.Databases;

namespace Portal.Tests.Integration.Support;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL server";
}

/// <summary>One private PostgreSQL cluster for the tests that need a shared server database; each test takes its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _next;

    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    /// <summary>A connection string to a database no one has used (created when <paramref name="create"/>).</summary>
    public async Task<string> DatabaseAsync(string prefix, bool create = true)
    {
        var name = $"{prefix}{Interlocked.Increment(ref _next)}";
        return create ? await Server.CreateDatabaseAsync(name) : Server.ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
