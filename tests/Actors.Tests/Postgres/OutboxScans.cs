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
