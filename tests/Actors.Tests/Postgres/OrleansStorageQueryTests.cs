using System.Data;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>
/// Our WriteToStorage/ReadFromStorage/ClearStorage query text, run the way Orleans.Persistence.AdoNet runs it: read
/// from OrleansQuery, named parameters typed as the provider types them, one result row read by column name.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansStorageQueryTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VersionsMoveOnlyFromTheVersionTheWriterRead()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var key = Random.Shared.NextInt64();

        Assert.Equal(1, await WriteAsync(dataSource, key, expected: null, "{}"u8.ToArray()));
        Assert.Equal(2, await WriteAsync(dataSource, key, expected: 1, "{\"a\":1}"u8.ToArray()));
        // Stale: someone else already wrote version 2.
        Assert.Null(await WriteAsync(dataSource, key, expected: 1, "{\"lost\":true}"u8.ToArray()));
        // A second "first write" of the same grain (a duplicate activation) fails too.
        Assert.Null(await WriteAsync(dataSource, key, expected: null, "{\"lost\":true}"u8.ToArray()));
        Assert.Equal((2, "{\"a\":1}"), await ReadAsync(dataSource, key));

        Assert.Equal(3, await ClearAsync(dataSource, key, expected: 2));
        Assert.Null(await ClearAsync(dataSource, key, expected: 2));
        Assert.Equal((3, (string?)null), await ReadAsync(dataSource, key));
        // The cleared row keeps its version, so a writer that read before the clear still conflicts.
        Assert.Null(await WriteAsync(dataSource, key, expected: 2, "{}"u8.ToArray()));
        Assert.Equal(4, await WriteAsync(dataSource, key, expected: 3, "{}"u8.ToArray()));
    }

    [Fact]
    public async Task ConcurrentFirstWritesOfOneGrainHaveExactlyOneWinnerAndNoDeadlock()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var keys = Enumerable.Range(0, 20).Select(_ => Random.Shared.NextInt64()).ToList();

        // Twenty grains, eight writers each, all racing for version 1 at once.
        var results = await Task.WhenAll(keys.SelectMany(key => Enumerable.Range(0, 8)
            .Select(_ => Task.Run(async () => (key, version: await WriteAsync(dataSource, key, expected: null, "{}"u8.ToArray())), Cancel))));

        Assert.All(results.GroupBy(r => r.key), grain => Assert.Single(grain, r => r.version == 1));
        Assert.All(results, r => Assert.True(r.version is null or 1));
    }

    [Fact]
    public async Task AnUnknownGrainReadsAsNoRow()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());

        Assert.Null(await ReadAsync(dataSource, Random.Shared.NextInt64()));
    }

    private static async Task<int?> WriteAsync(NpgsqlDataSource dataSource, long key, int? expected, byte[] payload)
    {
        await using var command = await ProviderCommandAsync(dataSource, "WriteToStorageKey", key, expected);
        AddParameter(command, "PayloadBinary", payload, DbType.Binary);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel), "WriteToStorage must always answer one row");
        var ordinal = reader.GetOrdinal("NewGrainStateVersion");
        var version = reader.IsDBNull(ordinal) ? (int?)null : reader.GetInt32(ordinal);
        Assert.False(await reader.ReadAsync(Cancel));
        return version;
    }

    private static async Task<int?> ClearAsync(NpgsqlDataSource dataSource, long key, int expected)
    {
        await using var command = await ProviderCommandAsync(dataSource, "ClearStorageKey", key, expected);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel), "ClearStorage must always answer one row");
        return reader.IsDBNull(0) ? null : reader.GetInt32(0);
    }

    private static async Task<(int Version, string? Payload)?> ReadAsync(NpgsqlDataSource dataSource, long key)
    {
        await using var command = await ProviderCommandAsync(dataSource, "ReadFromStorageKey", key, expected: null);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        if (!await reader.ReadAsync(Cancel))
        {
            return null;
        }

        var payload = reader.GetOrdinal("PayloadBinary");
        return (reader.GetInt32(reader.GetOrdinal("Version")),
            reader.IsDBNull(payload) ? null : System.Text.Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(payload)));
    }

    /// <summary>The parameters Orleans adds to every storage query, with the DbTypes its AddParameter picks.</summary>
    private static async Task<NpgsqlCommand> ProviderCommandAsync(NpgsqlDataSource dataSource, string queryKey, long key, int? expected)
    {
        string text;
        await using (var lookup = dataSource.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1"))
        {
            lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = queryKey });
            text = (string)(await lookup.ExecuteScalarAsync(Cancel))!;
        }

        var command = dataSource.CreateCommand(text);
        AddParameter(command, "GrainIdHash", unchecked((int)key), DbType.Int32);
        AddParameter(command, "GrainIdN0", 0L, DbType.Int64);
        AddParameter(command, "GrainIdN1", key, DbType.Int64);
        AddParameter(command, "GrainTypeHash", 42, DbType.Int32);
        AddParameter(command, "GrainTypeString", "query-test", DbType.String);
        AddParameter(command, "GrainIdExtensionString", null, DbType.String);
        AddParameter(command, "ServiceId", "actors-tests", DbType.String);
        AddParameter(command, "GrainStateVersion", expected, DbType.Int32);
        return command;
    }

    private static void AddParameter(NpgsqlCommand command, string name, object? value, DbType type) =>
        command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value) { DbType = type });
}
