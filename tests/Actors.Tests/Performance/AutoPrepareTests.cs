using Actors.Persistence;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Performance;

/// <summary>
/// Npgsql's auto-prepare, on by default in every host's connection string: what it does to the statements the hosts
/// keep when a migration changes a table under them (issue 15, docs/benchmarks.md "Write path levers").
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AutoPrepareTests(PostgresServer server)
{
    // A statement of the kind the hosts repeat: named columns, one row by key (as Orleans' ReadFromStorageKey).
    private const string ReadState =
        "SELECT payload, version FROM orleans_storage WHERE service_id = $1 AND grain_type = $2 AND grain_id_n0 = $3 AND grain_id_n1 = $4";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void HostsPrepareByDefaultAndTheOperatorsChoiceWins()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithActorsDefaults("Host=db;Database=actors"));
        Assert.Equal(PostgresConnectionStrings.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionStrings.AutoPrepareMinUsages, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(GssEncryptionMode.Disable, tuned.GssEncryptionMode);

        var chosen = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithActorsDefaults(
            "Host=db;Database=actors;Max Auto Prepare=0;auto prepare min usages=9;No Reset On Close=false;GSS Encryption Mode=Require"));
        Assert.Equal(0, chosen.MaxAutoPrepare);
        Assert.Equal(9, chosen.AutoPrepareMinUsages);
        Assert.False(chosen.NoResetOnClose);
        Assert.Equal(GssEncryptionMode.Require, chosen.GssEncryptionMode);
    }

    /// <summary>
    /// An additive migration (a new column) leaves a prepared statement that names its columns working; one that changes
    /// a selected column's type makes PostgreSQL refuse the next execution once ("cached plan must not change result
    /// type"), after which Npgsql prepares it afresh. Hence: migrations stay additive and run before their hosts.
    /// </summary>
    [Fact]
    public async Task APreparedStatementSurvivesAnAdditiveMigrationAndRecoversFromAChangedResult()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var admin = NpgsqlDataSource.Create(connectionString);
        await using (var insert = admin.CreateCommand(
            "INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, payload, version) VALUES ('s', 't', 1, 2, '\\x7b7d', 1)"))
        {
            await insert.ExecuteNonQueryAsync(Cancel);
        }

        await using var host = new NpgsqlConnection(PostgresConnectionStrings.WithActorsDefaults(connectionString));
        await host.OpenAsync(Cancel);
        for (var i = 0; i < PostgresConnectionStrings.AutoPrepareMinUsages + 1; i++)
        {
            Assert.Equal(1, await ReadVersionAsync(host));
        }

        Assert.True(await PreparedOnAsync(host), "the repeated statement is prepared on the server");

        await ExecuteAsync(admin, "ALTER TABLE orleans_storage ADD COLUMN lever_probe text");
        Assert.Equal(1, await ReadVersionAsync(host));

        await ExecuteAsync(admin, "ALTER TABLE orleans_storage ALTER COLUMN version TYPE bigint");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ReadVersionAsync(host));
        Assert.Equal(PostgresErrorCodes.FeatureNotSupported, refused.SqlState);
        Assert.Equal(1, await ReadVersionAsync(host));
    }

    private static async Task<long> ReadVersionAsync(NpgsqlConnection connection)
    {
        await using var read = new NpgsqlCommand(ReadState, connection);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "s" });
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "t" });
        read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 1 });
        read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 2 });
        await using var reader = await read.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        return Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> PreparedOnAsync(NpgsqlConnection connection)
    {
        await using var look = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM orleans_storage WHERE service_id%'", connection);
        return (long)(await look.ExecuteScalarAsync(Cancel))! > 0;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
