using Actors.Persistence.Outbox;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>
/// <see cref="OutboxPruner"/> on a real database: only events older than the retention and applied by every consumer
/// (strictly before the lowest checkpoint in the relay's order) are deleted; nothing goes while no consumer has a
/// checkpoint or when retention is off; a long history goes in several batches.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxPrunerTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_go_once_every_consumer_applied_them_and_they_are_older_than_the_retention()
    {
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        // Versions 1–6 forty days old, 7–10 from today; one consumer has applied up to 8, the other only up to 4.
        await InsertAsync(db, 1, 6, TimeSpan.FromDays(40));
        await InsertAsync(db, 7, 10, TimeSpan.Zero);
        await OutboxCheckpoints.AtVersionAsync(db, "ahead", version: 8);
        await OutboxCheckpoints.AtVersionAsync(db, "behind", version: 4);

        Assert.Equal(3, await Pruner(db).PruneAsync(Cancel));

        // 1–3 went; 4 is the lowest checkpoint itself (the lag sampler reads it), 5–6 not applied by "behind", 7–10 young.
        Assert.Equal([4, 5, 6, 7, 8, 9, 10], await VersionsAsync(db));

        // Once "behind" has caught up, the lowest checkpoint is "ahead"'s (8): the old 4–6 go, the young stay.
        await OutboxCheckpoints.AtVersionAsync(db, "behind", version: 10);
        Assert.Equal(3, await Pruner(db).PruneAsync(Cancel));
        Assert.Equal([7, 8, 9, 10], await VersionsAsync(db));
    }

    [Fact]
    public async Task Nothing_goes_without_a_checkpoint_or_with_retention_off()
    {
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await InsertAsync(db, 1, 5, TimeSpan.FromDays(400));

        Assert.Equal(0, await Pruner(db).PruneAsync(Cancel));

        await OutboxCheckpoints.AtVersionAsync(db, "applied-all", version: 5);
        Assert.Equal(0, await Pruner(db, retainFor: TimeSpan.Zero).PruneAsync(Cancel));
        Assert.Equal([1, 2, 3, 4, 5], await VersionsAsync(db));
    }

    [Fact]
    public async Task A_long_history_goes_in_several_batches()
    {
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await InsertAsync(db, 1, 2_500, TimeSpan.FromDays(31));
        await InsertAsync(db, 2_501, 2_510, TimeSpan.FromDays(1));
        await OutboxCheckpoints.AtVersionAsync(db, "applied-all", version: 2_510);

        Assert.Equal(2_500, await Pruner(db, batch: 300).PruneAsync(Cancel));
        Assert.Equal(Enumerable.Range(2_501, 10).Select(v => (long)v), await VersionsAsync(db));
    }

    private static OutboxPruner Pruner(NpgsqlDataSource db, TimeSpan? retainFor = null, int batch = 5_000) =>
        new(db, Options.Create(new OutboxPruningOptions { RetainFor = retainFor ?? TimeSpan.FromDays(30), PruneBatch = batch }), NullLogger<OutboxPruner>.Instance);

    /// <summary>One event per version of aggregate "p", each in its own transaction (commit order = version order), recorded that long ago.</summary>
    private static async Task InsertAsync(NpgsqlDataSource db, int from, int to, TimeSpan age)
    {
        await using var connection = await db.OpenConnectionAsync(Cancel);
        for (var version = from; version <= to; version++)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outbox (aggregate_type, aggregate_id, version, type, payload, occurred_at, recorded_at)
                VALUES ('Probe', 'p', $1, 'ProbeTransitioned', '{}', now() - $2, now() - $2)
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
            insert.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = age });
            await insert.ExecuteNonQueryAsync(Cancel);
        }
    }

    private static async Task<List<long>> VersionsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT version FROM outbox WHERE aggregate_id = 'p' ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var versions = new List<long>();
        while (await reader.ReadAsync(Cancel))
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }
}
