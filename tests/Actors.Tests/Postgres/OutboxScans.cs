using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>
/// The outbox's scan counters as PostgreSQL reports them (a server process reports its own when it exits or has been
/// idle a second): how the tests show that a statement walked the commit-order index instead of reading the whole table.
/// </summary>
public static class OutboxScans
{
    public static async Task<(long SeqScans, long IndexScans)> ReadAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = new NpgsqlCommand("SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'outbox'", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("No statistics for the outbox table.");
        }

        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a data source of its own without pooling (each server process reports its table
    /// statistics when it exits), on freshly analysed statistics, and asserts that it read the outbox by index and
    /// never by a sequential scan.
    /// </summary>
    public static async Task ReadByIndexOnlyAsync(
        NpgsqlDataSource db, string connectionString, string what, Func<NpgsqlDataSource, Task> work, CancellationToken cancellationToken)
    {
        await using (var analyze = db.CreateCommand("ANALYZE outbox"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var (seqScansBefore, indexScansBefore) = await ReadAsync(db, cancellationToken);
        await using (var own = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await work(own);
        }

        var after = (SeqScans: 0L, IndexScans: 0L);
        await Eventually.Async(
            async () => (after = await ReadAsync(db, cancellationToken)).IndexScans > indexScansBefore,
            TimeSpan.FromSeconds(30),
            $"{what} reported its scans of the outbox");
        Assert.Equal(seqScansBefore, after.SeqScans);
    }

    /// <summary>Fills the outbox with <paramref name="events"/> events of a real event's size (compressed payloads: short rows, as a real outbox's).</summary>
    public static async Task FillAsync(NpgsqlDataSource db, int events, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO outbox (aggregate_type, aggregate_id, version, type, payload, occurred_at)
            SELECT 'Probe', 'p', v, 'ProbeTransitioned', jsonb_build_object('padding', repeat('x', 1500), 'v', v), now()
            FROM generate_series(1, {events}) AS v
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
