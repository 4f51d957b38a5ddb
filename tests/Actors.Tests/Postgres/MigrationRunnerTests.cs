using Actors.Persistence.Migrations;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary><c>silo migrate</c>: versioned, recorded, idempotent, safe from several processes, one transaction per migration.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrationRunnerTests(PostgresServer server)
{
    /// <summary>Every query key the Orleans ADO.NET providers read (DEPENDENCIES.md).</summary>
    private static readonly string[] OrleansQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentRunsOnAFreshDatabaseApplyEachMigrationOnce()
    {
        var connectionString = await server.CreateDatabaseAsync(migrated: false);

        var exitCodes = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(_ => Task.Run(() => MigrationRunner.MigrateAsync(connectionString, NullLogger.Instance, Cancel), Cancel)));
        var again = await MigrationRunner.ApplyAsync(connectionString, NullLogger.Instance, Cancel);

        Assert.All(exitCodes, code => Assert.Equal(0, code));
        Assert.Empty(again);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var recorded = await ReadAsync(dataSource, "SELECT version, name FROM schema_version ORDER BY version", r => (r.GetInt32(0), r.GetString(1)));
        Assert.Equal(MigrationRunner.Migrations.Select(m => (m.Version, m.Name)), recorded);
        var keys = await ReadAsync(dataSource, "SELECT QueryKey FROM OrleansQuery", r => r.GetString(0));
        Assert.Empty(OrleansQueryKeys.Except(keys));
    }

    [Fact]
    public async Task AHostsConnectionStringWithMultiplexingStillMigrates()
    {
        // Npgsql's multiplexing needs pooling; the runner's own connection is unpooled (its advisory lock is a session's).
        var connectionString = await server.CreateDatabaseAsync(migrated: false) + ";Multiplexing=true";

        var applied = await MigrationRunner.ApplyAsync(connectionString, NullLogger.Instance, Cancel);

        Assert.Equal(MigrationRunner.Migrations.Select(m => m.Version), applied.Select(m => m.Version));
    }

    [Fact]
    public async Task WaitForSchemaHoldsAHostUntilTheMigrationsJobHasRunThenLetsItStart()
    {
        var connectionString = await server.CreateDatabaseAsync(migrated: false);

        // Nothing applied yet: it waits, and gives up at its timeout with a non-zero exit code.
        Assert.Equal(1, await MigrationRunner.WaitForSchemaAsync(connectionString, NullLogger.Instance, TimeSpan.FromSeconds(1), Cancel));

        // The Job runs while a host waits: the host starts once the last migration is in.
        var waiting = MigrationRunner.WaitForSchemaAsync(connectionString, NullLogger.Instance, TimeSpan.FromMinutes(2), Cancel);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, await MigrationRunner.MigrateAsync(connectionString, NullLogger.Instance, Cancel));
        Assert.Equal(0, await waiting);
    }

    [Fact]
    public async Task WaitForSchemaRefusesADatabaseWhoseMigrationDiffersFromTheImage()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var tamper = dataSource.CreateCommand("UPDATE schema_version SET checksum = 'edited' WHERE version = 2"))
        {
            await tamper.ExecuteNonQueryAsync(Cancel);
        }

        Assert.Equal(1, await MigrationRunner.WaitForSchemaAsync(connectionString, NullLogger.Instance, TimeSpan.FromMinutes(1), Cancel));
    }

    [Fact]
    public async Task AnEditedMigrationIsRefused()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var tamper = dataSource.CreateCommand("UPDATE schema_version SET checksum = 'edited' WHERE version = 1"))
        {
            await tamper.ExecuteNonQueryAsync(Cancel);
        }

        var exitCode = await MigrationRunner.MigrateAsync(connectionString, NullLogger.Instance, Cancel);

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task AFailingMigrationRollsBackAloneAndStopsTheRun()
    {
        var connectionString = await server.CreateDatabaseAsync(migrated: false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        // A table in the way of the outbox migration (0004) makes it fail halfway through its script.
        await using (var obstacle = dataSource.CreateCommand("CREATE TABLE outbox_checkpoint (x int)"))
        {
            await obstacle.ExecuteNonQueryAsync(Cancel);
        }

        var exitCode = await MigrationRunner.MigrateAsync(connectionString, NullLogger.Instance, Cancel);

        Assert.Equal(1, exitCode);
        var recorded = await ReadAsync(dataSource, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0));
        Assert.Equal([1, 2, 3], recorded);
        var outbox = await ReadAsync(dataSource, "SELECT to_regclass('outbox') IS NOT NULL", r => r.GetBoolean(0));
        Assert.Equal([false], outbox);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> read)
    {
        var rows = new List<T>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
