using Npgsql;

namespace Actors.Bench;

/// <summary>
/// What PostgreSQL counted for one database over an interval: commits (pg_stat_database.xact_commit, read-only ones
/// included), write transactions (transaction ids assigned), and WAL (pg_stat_wal, server-wide: records, bytes, syncs).
/// </summary>
public sealed record DatabaseCounters(long Commits, long TransactionIds, long WalRecords, long WalBytes, long WalSyncs)
{
    public static async Task<DatabaseCounters> ReadAsync(NpgsqlDataSource admin, string database)
    {
        // Statistics are sent by backends at the end of transactions and read from a snapshot: force fresh values.
        await using (var clear = admin.CreateCommand("SELECT pg_stat_clear_snapshot()"))
        {
            await clear.ExecuteNonQueryAsync();
        }

        await using var command = admin.CreateCommand("""
            SELECT d.xact_commit,
                   pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
                   w.wal_records, w.wal_bytes::bigint, w.wal_sync
            FROM pg_stat_database AS d, pg_stat_wal AS w
            WHERE d.datname = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    public static DatabaseCounters operator -(DatabaseCounters after, DatabaseCounters before) => new(
        after.Commits - before.Commits,
        after.TransactionIds - before.TransactionIds,
        after.WalRecords - before.WalRecords,
        after.WalBytes - before.WalBytes,
        after.WalSyncs - before.WalSyncs);
}
