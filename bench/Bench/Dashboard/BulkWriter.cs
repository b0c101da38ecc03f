using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Portal.Bench.Dashboard;

/// <summary>Fast inserts below EF Core: prepared statements in large transactions (SQLite) or binary COPY (PostgreSQL).</summary>
internal abstract class BulkWriter : IAsyncDisposable
{
    public static BulkWriter For(string provider, string connectionString) =>
        provider == "sqlite" ? new SqliteBulkWriter(connectionString) : new PostgresBulkWriter(connectionString);

    public abstract Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows);

    /// <summary>What a database needs after a bulk load: identity sequences moved past the inserted ids, statistics.</summary>
    public abstract Task FinishAsync(IEnumerable<string> tablesWithIds);

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteBulkWriter(string connectionString) : BulkWriter
{
    private const int Batch = 50_000;
    // The portal stores DateTimeOffset as this number on SQLite (SqlitePortalDbContext).
    private static readonly DateTimeOffsetToBinaryConverter Times = new();
    private readonly SqliteConnection connection = new(connectionString);

    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
            await Execute("PRAGMA synchronous = OFF");
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        var count = 0L;
        var transaction = connection.BeginTransaction();
        command.Transaction = transaction;
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = Convert(row[i]);
            await command.ExecuteNonQueryAsync();
            if (++count % Batch == 0)
            {
                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                transaction = connection.BeginTransaction();
                command.Transaction = transaction;
            }
        }
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        return count;
    }

    public override Task FinishAsync(IEnumerable<string> tablesWithIds) => Execute("PRAGMA wal_checkpoint(TRUNCATE)");

    private static object Convert(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset t => Times.ConvertToProvider(t)!,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private async Task Execute(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}

internal sealed class PostgresBulkWriter(string connectionString) : BulkWriter
{
    private readonly NpgsqlConnection connection = new(connectionString);

    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        var count = 0L;
        foreach (var row in rows)
        {
            await import.StartRowAsync();
            foreach (var value in row) await WriteValueAsync(import, value);
            count++;
        }
        await import.CompleteAsync();
        return count;
    }

    private static Task WriteValueAsync(NpgsqlBinaryImporter import, object? value) => value switch
    {
        null => import.WriteNullAsync(),
        string s => import.WriteAsync(s, NpgsqlDbType.Text),
        int i => import.WriteAsync(i, NpgsqlDbType.Integer),
        long l => import.WriteAsync(l, NpgsqlDbType.Bigint),
        double d => import.WriteAsync(d, NpgsqlDbType.Double),
        bool b => import.WriteAsync(b, NpgsqlDbType.Boolean),
        DateTimeOffset t => import.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        DateOnly d => import.WriteAsync(d, NpgsqlDbType.Date),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType()}"),
    };

    public override async Task FinishAsync(IEnumerable<string> tablesWithIds)
    {
        foreach (var table in tablesWithIds)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 1))", connection);
            await command.ExecuteNonQueryAsync();
        }
        // What autovacuum does shortly after a bulk load anyway.
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        analyze.CommandTimeout = 600;
        await analyze.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
