using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>Outbox consumers' positions set by hand, for tests of what reads them (the pruner, the lag sampler).</summary>
public static class OutboxCheckpoints
{
    /// <summary>
    /// A consumer that has applied every event of aggregate "p" up to that version's (its checkpoint at that row);
    /// the events are the test's own, one aggregate "p" with one row per version.
    /// </summary>
    public static async Task AtVersionAsync(NpgsqlDataSource db, string consumer, long version)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO outbox_checkpoint (consumer, last_tx, last_seq)
            SELECT $1, tx_id, seq FROM outbox WHERE aggregate_id = 'p' AND version = $2
            ON CONFLICT (consumer) DO UPDATE SET last_tx = excluded.last_tx, last_seq = excluded.last_seq
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
