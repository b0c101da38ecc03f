using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Testbed.Databases;
using Portal.Testbed.Domino;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>
/// A portal with every identity the malformed-input proof sends requests as: anonymous, a pending account, a user
/// (with a Domino key and an export), another user and the admin; plus v1 keys (none, unknown, valid).
/// </summary>
public abstract class FuzzPortal : PortalHost
{
    public PortalUser Admin { get; private set; } = null!;
    public PortalUser User { get; private set; } = null!;
    public PortalUser Other { get; private set; } = null!;
    public PortalUser Pending { get; private set; } = null!;
    public DominoUser DominoUser { get; private set; } = null!;
    public V1Setup Setup { get; private set; } = null!;
    public int ExportId { get; private set; }
    public string ExportKey { get; private set; } = "";

    /// <summary>Signed-in clients by identity name ("anonymous" has no cookie).</summary>
    public Dictionary<string, HttpClient> Identities { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await UserAsync("admin@example.com");
        User = await UserAsync("user@example.com");
        Other = await UserAsync("other@example.com");
        Pending = await UserAsync("pending@example.com", approve: false);
        DominoUser = Domino.AddUser("fuzzer");
        Setup = await SetUpV1Async();
        await StoreDominoKeyAsync(User, Setup.DeploymentId, DominoUser.ApiKey);
        Domino.AddProject(DominoUser, "fuzzed");
        using (var v1 = V1Client(DominoUser.ApiKey))
        {
            using var created = await v1.PostAsJsonAsync("/v1/projects/create", new Dictionary<string, object>
            {
                ["username"] = "fuzzer", ["project_name"] = "fuzzed", ["export_group_name"] = "fuzz", ["export_project_name"] = "target",
            });
            var body = await created.Content.ReadAsStringAsync();
            Assert.True(created.IsSuccessStatusCode, body);
        }
        (ExportId, ExportKey) = await DbAsync(async db => await db.Exports.Select(e => new ValueTuple<int, string>(e.Id, e.ExportKey)).SingleAsync());

        Identities["anonymous"] = Client();
        Identities["pending"] = await SignInAsync(Pending.Email);
        Identities["user"] = await SignInAsync(User.Email);
        Identities["other"] = await SignInAsync(Other.Email);
        Identities["admin"] = await SignInAsync(Admin.Email);
        // Signed-in clients carry their origin as the pages do; the anonymous one too, so that it reaches authorization.
        Identities["anonymous"].DefaultRequestHeaders.Add("Origin", BaseAddress.GetLeftPart(UriPartial.Authority));
    }

    public override async Task DisposeAsync()
    {
        foreach (var http in Identities.Values) http.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Every row of every table of the portal's model, hashed per table: what "the database is unchanged" compares.
    /// Node heartbeats and component checks are written by background services, not by requests.
    /// </summary>
    public Task<Dictionary<string, string>> SnapshotAsync() => DbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct()
            .Where(t => !t.Contains("NodeProbe", StringComparison.OrdinalIgnoreCase) && !t.Contains("ComponentCheck", StringComparison.OrdinalIgnoreCase))
            .Order().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var result = new Dictionary<string, string>();
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++) row.Append(reader.GetName(i)).Append('=').Append(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                    rows.Add(row.ToString());
                }
                rows.Sort(StringComparer.Ordinal);
                result[table] = $"{rows.Count} rows, " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))))[..16];
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    });
}

public sealed class SqliteFuzzPortal : FuzzPortal;

/// <summary>The same portal on a private PostgreSQL cluster (the provider that refuses NUL and overlong values).</summary>
public sealed class PostgresFuzzPortal : FuzzPortal
{
    private PostgresServer? _server;
    private string _connectionString = "";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Portal"] = _connectionString,
    };

    public override async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _connectionString = await _server.CreateDatabaseAsync("fuzz");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_server is not null) await _server.DisposeAsync();
    }
}
