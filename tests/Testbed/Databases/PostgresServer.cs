using Npgsql;
using Portal.Testbed.Processes;

namespace Portal.Testbed.Databases;

/// <summary>
/// A private PostgreSQL cluster: <c>initdb</c> in a temp folder, <c>postgres</c> on 127.0.0.1 with a free
/// port, stopped and deleted on dispose. PostgreSQL refuses to run as root, so as root it runs as the
/// <c>postgres</c> user through <c>runuser</c>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder;
    private ChildProcess server;

    private PostgresServer(ChildProcess server, string folder, int port)
    {
        this.server = server;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static string BinDirectory { get; } = FindBinDirectory();

    public static bool IsInstalled => File.Exists(Path.Combine(BinDirectory, "postgres"));

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=10";

    public static async Task<PostgresServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("portal-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await ChildProcess.RunAsync("chown", ["-R", "postgres:postgres", folder], TimeSpan.FromSeconds(10));
        }

        await ChildProcess.RunAsync(Command(asRoot, "initdb"),
            Arguments(asRoot, "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"),
            TimeSpan.FromSeconds(60));

        var port = FreePort.Next();
        var postgres = new PostgresServer(Launch(folder, port), folder, port);
        try
        {
            await postgres.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            return postgres;
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    private static ChildProcess Launch(string folder, int port)
    {
        var asRoot = Environment.UserName == "root";
        return ChildProcess.Start(Command(asRoot, "postgres"), Arguments(asRoot, "postgres",
            "-D", Path.Combine(folder, "data"), "-h", "127.0.0.1", "-p", port.ToString(), "-k", folder,
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"));
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, as when the database goes away).</summary>
    public async Task StopAsync()
    {
        var asRoot = Environment.UserName == "root";
        await ChildProcess.RunAsync(Command(asRoot, "pg_ctl"), Arguments(asRoot, "pg_ctl", "stop", "-D", Path.Combine(folder, "data"), "-m", "fast", "-w"),
            TimeSpan.FromSeconds(30));
        await server.DisposeAsync();
    }

    /// <summary>Starts the stopped server again: same data, same port.</summary>
    public async Task StartAgainAsync()
    {
        server = Launch(folder, Port);
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"postgres exited:\n{server.Output}");
            }
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string Command(bool asRoot, string tool) => asRoot ? "runuser" : Path.Combine(BinDirectory, tool);

    private static string[] Arguments(bool asRoot, string tool, params string[] arguments) =>
        asRoot ? ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments] : arguments;

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
        return versions.Select(v => Path.Combine(v, "bin")).OrderDescending().FirstOrDefault() ?? Path.Combine(root, "15", "bin");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
